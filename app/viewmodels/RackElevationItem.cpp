#include "RackElevationItem.h"

#include <QPainter>
#include <QPainterPath>

namespace NeoCloud {

namespace {
constexpr qreal margin = 16;
// Racks narrow down to fit the view, but not past where a name and model stay readable.
constexpr qreal maxRackWidth = 216;
constexpr qreal minRackWidth = 160;
constexpr qreal rackGap = 20;
constexpr qreal headerHeight = 42;
constexpr qreal railWidth = 26;  // the U numbers on the left
constexpr qreal minUnit = 7;
constexpr qreal maxUnit = 22;
constexpr qreal dragThreshold = 4;
} // namespace

RackElevationItem::RackElevationItem(QQuickItem *parent)
    : TopologyItemBase(parent)
{
}

void RackElevationItem::setContentX(qreal x)
{
    ensureLayout();
    const qreal bounded = qBound(0.0, x, qMax(0.0, m_contentWidth - width()));
    if (qFuzzyCompare(bounded + 1, m_contentX + 1))
        return;
    m_contentX = bounded;
    Q_EMIT contentChanged();
    update();
}

void RackElevationItem::setSite(const QString &site)
{
    if (site == m_site)
        return;
    m_site = site;
    m_layoutValid = false;
    Q_EMIT siteChanged();
    update();
}

void RackElevationItem::setMarks(const QVariantMap &marks)
{
    if (marks == m_marks)
        return;
    m_marks = marks;
    Q_EMIT marksChanged();
    update();
}

void RackElevationItem::setGhosts(const QVariantList &ghosts)
{
    if (ghosts == m_ghostList)
        return;
    m_ghostList = ghosts;
    m_ghosts.clear();
    for (const QVariant &g : ghosts) {
        const QVariantMap m = g.toMap();
        m_ghosts.append({m.value(QStringLiteral("name")).toString(), m.value(QStringLiteral("rack")).toString(),
                         qMax(1, m.value(QStringLiteral("position")).toInt()), qMax(1, m.value(QStringLiteral("heightU")).toInt()),
                         m.value(QStringLiteral("findingId")).toString()});
    }
    m_layoutValid = false;
    Q_EMIT marksChanged();
    update();
}

qreal RackElevationItem::contentWidth()
{
    ensureLayout();
    return m_contentWidth;
}

void RackElevationItem::ensureLayout()
{
    if (m_layoutValid)
        return;
    m_layoutValid = true;
    const TopologySnapshot &topo = snapshot();
    m_rackBoxes.clear();
    m_placed.clear();
    QList<int> shown; // indices of the racks drawn: the site's, or all
    for (int r = 0; r < topo.racks.size(); ++r)
        if (m_site.isEmpty() || topo.racks.at(r).siteName == m_site)
            shown << r;
    int maxUnits = 1;
    for (int r : std::as_const(shown))
        maxUnits = qMax(maxUnits, topo.racks.at(r).units);
    // One unit height for every rack, so a U is the same size side by side.
    const qreal available = height() - 2 * margin - headerHeight;
    const qreal unit = qBound(minUnit, std::floor(available / maxUnits), maxUnit);

    const qreal fitWidth = shown.isEmpty()
        ? maxRackWidth
        : (width() - 2 * margin + rackGap) / shown.size() - rackGap;
    const qreal rackWidth = qBound(minRackWidth, std::floor(fitWidth), maxRackWidth);
    qreal x = margin;
    for (int r : std::as_const(shown)) {
        const auto &rack = topo.racks.at(r);
        RackBox box;
        box.rack = r;
        box.unitHeight = unit;
        box.body = QRectF(x + railWidth, margin + headerHeight + (maxUnits - rack.units) * unit,
                          rackWidth - railWidth - 8, rack.units * unit);
        box.frame = QRectF(x, margin, rackWidth, headerHeight + maxUnits * unit + 8);
        QList<Placed> placed;
        auto slot = [&](int position, int heightU) {
            const int first = qBound(1, position, rack.units);
            const int height = qBound(1, heightU, rack.units - first + 1);
            const qreal top = box.body.bottom() - (first - 1 + height) * unit;
            return QRectF(box.body.left() + 2, top + 1, box.body.width() - 4, height * unit - 2);
        };
        for (int index : rack.devices) {
            const Device &device = topo.devices.at(index);
            placed.append({slot(*device.position, device.heightU), index});
        }
        for (int g = 0; g < m_ghosts.size(); ++g)
            if (m_ghosts.at(g).rack == rack.name)
                placed.append({slot(m_ghosts.at(g).position, m_ghosts.at(g).heightU), -1, g});
        m_rackBoxes.append(box);
        m_placed.append(placed);
        x += rackWidth + rackGap;
    }
    const qreal oldWidth = m_contentWidth;
    m_contentWidth = shown.isEmpty() ? 0 : x - rackGap + margin;
    const qreal bounded = qBound(0.0, m_contentX, qMax(0.0, m_contentWidth - width()));
    if (oldWidth != m_contentWidth || bounded != m_contentX) {
        m_contentX = bounded;
        // Deferred: the layout runs inside paint() and hit tests, where QML must not re-enter.
        QMetaObject::invokeMethod(this, &RackElevationItem::contentChanged, Qt::QueuedConnection);
    }
}

const RackElevationItem::Placed *RackElevationItem::placedAt(QPointF itemPoint)
{
    ensureLayout();
    const QPointF p(itemPoint.x() + m_contentX, itemPoint.y());
    for (int r = 0; r < m_rackBoxes.size(); ++r) {
        if (!m_rackBoxes.at(r).frame.contains(p))
            continue;
        for (const Placed &placed : m_placed.at(r))
            if (placed.rect.contains(p))
                return &placed;
    }
    return nullptr;
}

int RackElevationItem::indexAt(QPointF itemPoint)
{
    const Placed *placed = placedAt(itemPoint);
    return placed ? placed->device : -1;
}

void RackElevationItem::setHighlightedDeviceIds(const QStringList &deviceIds)
{
    if (deviceIds == m_highlighted)
        return;
    m_highlighted = deviceIds;
    Q_EMIT highlightChanged();
    if (!m_highlighted.isEmpty())
        revealDevice(m_highlighted.constFirst());
    update();
}

QString RackElevationItem::deviceAt(qreal x, qreal y)
{
    const int index = indexAt(QPointF(x, y));
    return index >= 0 ? snapshot().devices.at(index).id : QString();
}

QRectF RackElevationItem::deviceRect(const QString &deviceId)
{
    ensureLayout();
    for (const QList<Placed> &rack : std::as_const(m_placed))
        for (const Placed &placed : rack)
            if (placed.device >= 0 && snapshot().devices.at(placed.device).id == deviceId)
                return placed.rect.translated(-m_contentX, 0);
    return {};
}

QString RackElevationItem::deviceNamed(const QString &name)
{
    ensureLayout();
    for (const QList<Placed> &rack : std::as_const(m_placed))
        for (const Placed &placed : rack)
            if (placed.device >= 0 && snapshot().devices.at(placed.device).name == name)
                return snapshot().devices.at(placed.device).id;
    return {};
}

void RackElevationItem::revealDevice(const QString &deviceId)
{
    const QRectF rect = deviceRect(deviceId);
    if (rect.isEmpty())
        return;
    if (rect.left() < 0 || rect.right() > width())
        setContentX(m_contentX + rect.center().x() - width() / 2);
}

void RackElevationItem::paint(QPainter *painter)
{
    ensureLayout();
    painter->fillRect(QRectF(0, 0, width(), height()), m_surfaceColor);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(-m_contentX, 0);
    for (int r = 0; r < m_rackBoxes.size(); ++r) {
        const QRectF &frame = m_rackBoxes.at(r).frame;
        // Only the racks in view are painted; the rest cost nothing.
        if (frame.right() < m_contentX || frame.left() > m_contentX + width())
            continue;
        paintRack(painter, r);
    }
}

void RackElevationItem::paintRack(QPainter *painter, int r)
{
    const RackBox &box = m_rackBoxes.at(r);
    const auto &rack = snapshot().racks.at(box.rack);
    QFont font(m_fontFamily);
    font.setPixelSize(13);
    font.setWeight(QFont::DemiBold);
    painter->setFont(font);
    painter->setPen(m_textColor);
    const QRectF header(box.frame.left() + 2, box.frame.top(), box.frame.width() - 4, 20);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, rack.name);
    font.setPixelSize(11);
    font.setWeight(QFont::Normal);
    painter->setFont(font);
    painter->setPen(m_secondaryTextColor);
    const QString sub = tr("%1 · %2U · %n device(s)", nullptr, int(rack.devices.size()))
                            .arg(rack.siteName.isEmpty() ? tr("no site") : rack.siteName)
                            .arg(rack.units);
    painter->drawText(QRectF(header.left(), header.bottom(), header.width(), 16),
                      Qt::AlignLeft | Qt::AlignVCenter, sub);

    // The cabinet: a frame around empty slots, with U numbers on the rail.
    const QRectF cabinet = box.body.adjusted(-railWidth, -4, 4, 4);
    painter->setPen(QPen(m_borderColor, 1));
    painter->setBrush(mix(m_surfaceColor, m_backgroundColor, 0.9));
    painter->drawRoundedRect(cabinet, 6, 6);
    painter->setBrush(mix(m_surfaceColor, m_backgroundColor, 0.35));
    painter->drawRect(box.body);

    const qreal unit = box.unitHeight;
    const int labelEvery = unit >= 11 ? 1 : unit >= 8 ? 2 : 5;
    font.setPixelSize(qMin(10, int(unit) - 1));
    painter->setFont(font);
    const QColor slotLine = mix(m_borderColor, m_surfaceColor, 0.4);
    for (int u = 1; u <= rack.units; ++u) {
        const qreal y = box.body.bottom() - u * unit;
        if (u < rack.units) {
            painter->setPen(QPen(slotLine, 1));
            painter->drawLine(QPointF(box.body.left(), y), QPointF(box.body.right(), y));
        }
        if (u % labelEvery == 0 || u == 1) {
            painter->setPen(m_secondaryTextColor);
            painter->drawText(QRectF(cabinet.left(), y, railWidth - 4, unit),
                              Qt::AlignRight | Qt::AlignVCenter, QString::number(u));
        }
    }
    for (const Placed &placed : m_placed.at(r))
        placed.device >= 0 ? paintDevice(painter, placed) : paintGhost(painter, placed);
}

void RackElevationItem::paintGhost(QPainter *painter, const Placed &placed)
{
    // Where a planned device should be and is not: a dashed red outline with its name.
    const Ghost &ghost = m_ghosts.at(placed.ghost);
    const QRectF &rect = placed.rect;
    painter->setBrush(mix(m_surfaceColor, m_criticalColor, 0.08));
    QPen pen(m_criticalColor, 1.5, Qt::DashLine);
    painter->setPen(pen);
    painter->drawRoundedRect(rect, 3, 3);
    if (rect.height() >= 11) {
        QFont font(m_fontFamily);
        font.setPixelSize(qBound(9, int(rect.height() * 0.6), 12));
        font.setItalic(true);
        painter->setFont(font);
        painter->setPen(m_criticalColor);
        const QRectF textRect(rect.left() + 10, rect.top(), rect.width() - 36, qMin(rect.height(), 22.0));
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(tr("%1 (missing)").arg(ghost.name), Qt::ElideRight, int(textRect.width())));
    }
    paintMark(painter, rect);
}

void RackElevationItem::paintMark(QPainter *painter, const QRectF &rect)
{
    // A red disc with "!" at the device's right end, big enough to find on a tablet.
    const qreal d = qBound(10.0, rect.height() - 4, 18.0);
    const QRectF disc(rect.right() - d - 4, rect.top() + qMin(rect.height(), 22.0) / 2 - d / 2, d, d);
    painter->setPen(QPen(m_surfaceColor, 1.5));
    painter->setBrush(m_criticalColor);
    painter->drawEllipse(disc);
    QFont font(m_fontFamily);
    font.setPixelSize(int(d * 0.75));
    font.setWeight(QFont::Bold);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(disc, Qt::AlignCenter, QStringLiteral("!"));
}

void RackElevationItem::paintDevice(QPainter *painter, const Placed &placed)
{
    const Device &device = snapshot().devices.at(placed.device);
    const QRectF &rect = placed.rect;
    const QColor kind = kindColor(device.kind);
    const bool selected = device.id == selectedDeviceId();
    const bool hovered = device.id == hoveredDeviceId();
    const bool marked = m_marks.contains(device.name);
    const bool highlighted = m_highlighted.contains(device.id);

    QPainterPath path;
    path.addRoundedRect(rect, 3, 3);
    painter->fillPath(path, mix(m_surfaceColor, kind, hovered ? 0.32 : 0.2));
    // A bar in the kind's full colour, so kinds stay apart where tints look alike.
    painter->fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), kind);
    painter->setPen(selected ? QPen(m_accentColor, 2.5)
                    : marked ? QPen(m_criticalColor, 2)
                             : QPen(mix(m_surfaceColor, kind, 0.55), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    if (highlighted) {
        // Outside the device's own outline, so it still reads as selected when it is both.
        QPainterPath ring;
        ring.addRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), 4, 4);
        painter->setPen(QPen(m_criticalColor, 2.5));
        painter->drawPath(ring);
    }

    const QColor health = healthColor(device.health);
    qreal textRight = rect.right() - 6;
    if (marked) {
        paintMark(painter, rect);
        textRight = rect.right() - qBound(10.0, rect.height() - 4, 18.0) - 8;
    } else if (health.isValid()) {
        const qreal d = qBound(6.0, rect.height() - 6, 10.0);
        const QRectF dot(rect.right() - d - 6, rect.center().y() - d / 2, d, d);
        painter->setPen(QPen(m_surfaceColor, 1.5));
        painter->setBrush(health);
        painter->drawEllipse(dot);
        textRight = dot.left() - 4;
    }
    // The name only where it can be read.
    if (rect.height() >= 11) {
        QFont font(m_fontFamily);
        font.setPixelSize(qBound(9, int(rect.height() * 0.6), 12));
        font.setWeight(selected ? QFont::DemiBold : QFont::Normal);
        painter->setFont(font);
        painter->setPen(m_textColor);
        const QRectF textRect(rect.left() + 10, rect.top(), textRight - rect.left() - 10,
                              qMin(rect.height(), 22.0));
        const QString name = painter->fontMetrics().elidedText(device.name, Qt::ElideRight,
                                                               int(textRect.width()));
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, name);
        if (rect.height() >= 40 && !device.model.isEmpty()) {
            font.setPixelSize(10);
            font.setWeight(QFont::Normal);
            painter->setFont(font);
            painter->setPen(m_secondaryTextColor);
            const QRectF modelRect(textRect.left(), textRect.bottom(), textRect.width(), 14);
            painter->drawText(modelRect, Qt::AlignLeft | Qt::AlignVCenter,
                              painter->fontMetrics().elidedText(device.model, Qt::ElideRight,
                                                                int(modelRect.width())));
        }
    }
}

void RackElevationItem::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
    m_pressContentX = m_contentX;
    m_dragging = false;
    event->accept();
}

void RackElevationItem::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF delta = event->position() - m_pressPos;
    if (!m_dragging && delta.manhattanLength() > dragThreshold)
        m_dragging = true;
    if (m_dragging)
        setContentX(m_pressContentX - delta.x());
}

void RackElevationItem::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        const Placed *placed = placedAt(event->position());
        if (placed && placed->ghost >= 0) {
            Q_EMIT markClicked(m_ghosts.at(placed->ghost).findingId);
        } else {
            const Device *device = placed ? &snapshot().devices.at(placed->device) : nullptr;
            setSelectedDeviceId(device ? device->id : QString());
            Q_EMIT deviceClicked(device ? device->id : QString());
            if (device && m_marks.contains(device->name))
                Q_EMIT markClicked(m_marks.value(device->name).toString());
        }
    }
    m_dragging = false;
}

void RackElevationItem::hoverMoveEvent(QHoverEvent *event)
{
    const Placed *placed = placedAt(event->position());
    if (placed && placed->ghost >= 0)
        setHovered(-1, tr("%1 · planned here, not found").arg(m_ghosts.at(placed->ghost).name));
    else
        setHovered(placed ? placed->device : -1);
}

void RackElevationItem::wheelEvent(QWheelEvent *event)
{
    ensureLayout();
    if (m_contentWidth <= width()) {
        event->ignore();
        return;
    }
    // Vertical wheels scroll sideways: racks only ever overflow horizontally.
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    const qreal step = !pixels.isNull() ? -(pixels.x() != 0 ? pixels.x() : pixels.y())
                                        : -(angle.x() != 0 ? angle.x() : angle.y()) / 120.0 * 96;
    setContentX(m_contentX + step);
    event->accept();
}

} // namespace NeoCloud
