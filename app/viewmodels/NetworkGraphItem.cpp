#include "NetworkGraphItem.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace NeoCloud {

namespace {
// World units; a zoom of 1 draws them as pixels.
constexpr qreal spineY = 0;
constexpr qreal leafY = 170;
constexpr qreal hostY = 340;
constexpr qreal hostStepX = 58;
constexpr qreal hostStepY = 52;
constexpr qreal groupGap = 64;
constexpr qreal leafMinGap = 104;
constexpr qreal spineMinGap = 150;
constexpr QSizeF hostSize(30, 30);
constexpr QSizeF switchSize(88, 28);
constexpr qreal fitPadding = 48;
constexpr qreal dragThreshold = 4;
// Past this many edges on screen, antialiasing costs more than it shows.
constexpr int antialiasEdgeLimit = 4000;

int severity(Health h)
{
    return h == Health::Critical ? 3 : h == Health::Warning ? 2 : h == Health::Unknown ? 1 : 0;
}

int severity(LinkState s)
{
    return s == LinkState::Down ? 2 : s == LinkState::Unknown ? 1 : 0;
}

} // namespace

NetworkGraphItem::NetworkGraphItem(QQuickItem *parent)
    : TopologyItemBase(parent)
{
}

void NetworkGraphItem::setCollapseBelowZoom(qreal zoom)
{
    if (qFuzzyCompare(zoom, m_collapseBelowZoom))
        return;
    m_collapseBelowZoom = zoom;
    Q_EMIT viewChanged();
    update();
}

int NetworkGraphItem::visibleNodeCount()
{
    ensureLayout();
    return int(nodes().size());
}

int NetworkGraphItem::unlinkedCount()
{
    ensureLayout();
    return m_unlinked;
}

void NetworkGraphItem::ensureLayout()
{
    if (m_layoutValid)
        return;
    m_layoutValid = true;
    const TopologySnapshot &topo = snapshot();
    m_nodes.clear();
    m_edges.clear();
    m_groupNodes.clear();
    m_groupEdges.clear();

    const int deviceCount = int(topo.devices.size());
    QList<QList<int>> neighbours(deviceCount);
    for (const auto &edge : topo.edges) {
        neighbours[edge.a].append(edge.b);
        neighbours[edge.b].append(edge.a);
    }
    auto isSwitch = [&](int d) { return topo.devices.at(d).kind == DeviceKind::Switch; };

    // Hosts: linked non-switch devices, grouped by rack in the snapshot's rack order, then one
    // group for linked devices outside any rack.
    QHash<QString, int> groupOfRack;
    QList<QList<int>> groups;
    QStringList groupNames;
    for (const auto &rack : topo.racks) {
        groupOfRack.insert(rack.id, int(groups.size()));
        groups.append(QList<int>());
        groupNames.append(rack.name);
    }
    const int looseGroup = int(groups.size());
    groups.append(QList<int>());
    groupNames.append(tr("Unracked"));
    m_unlinked = 0;
    for (int d = 0; d < deviceCount; ++d) {
        if (isSwitch(d))
            continue;
        if (neighbours.at(d).isEmpty()) {
            ++m_unlinked;
            continue;
        }
        groups[groupOfRack.value(topo.devices.at(d).rackId, looseGroup)].append(d);
    }

    // Hosts in a small grid under each rack's place: wide rather than tall, so a rack reads as
    // a row of machines under its leaf.
    QList<int> nodeOfDevice(deviceCount, -1);
    QList<Node> hosts;
    QList<Node> groupNodes;
    qreal x = 0;
    for (int g = 0; g < groups.size(); ++g) {
        const QList<int> &members = groups.at(g);
        if (members.isEmpty())
            continue;
        const int n = int(members.size());
        const int rows = qMax(1, int(std::ceil(std::sqrt(n / 2.0))));
        const int cols = (n + rows - 1) / rows;
        Node group;
        group.group = g;
        group.count = n;
        group.label = groupNames.at(g);
        group.health = Health::Ok;
        for (int i = 0; i < n; ++i) {
            const Device &device = topo.devices.at(members.at(i));
            Node host;
            host.device = members.at(i);
            host.group = g;
            host.health = device.health;
            host.label = device.name;
            host.size = hostSize;
            host.pos = QPointF(x + (i % cols) * hostStepX, hostY + (i / cols) * hostStepY);
            if (severity(device.health) > severity(group.health))
                group.health = device.health;
            hosts.append(host);
        }
        const qreal width = (cols - 1) * hostStepX;
        const qreal side = qMin(width + hostSize.width(), 34 + std::sqrt(qreal(n)) * 6);
        group.size = QSizeF(side, side);
        group.pos = QPointF(x + width / 2, hostY + (rows - 1) * hostStepY / 2);
        groupNodes.append(group);
        x += width + hostStepX + groupGap;
    }

    // Switches: a leaf has at least one host below it, a spine links switches only.
    QList<Node> leaves;
    QList<Node> spines;
    for (int d = 0; d < deviceCount; ++d) {
        if (!isSwitch(d))
            continue;
        Node node;
        node.device = d;
        node.health = topo.devices.at(d).health;
        node.label = topo.devices.at(d).name;
        node.size = switchSize;
        const QList<int> &links = neighbours.at(d);
        const bool hasHost = std::any_of(links.cbegin(), links.cend(),
                                         [&](int n) { return !isSwitch(n); });
        node.tier = hasHost || links.isEmpty() ? Tier::Leaf : Tier::Spine;
        (node.tier == Tier::Leaf ? leaves : spines).append(node);
    }
    QHash<int, QPointF> hostPos;
    for (const Node &host : std::as_const(hosts))
        hostPos.insert(host.device, host.pos);
    for (Node &leaf : leaves) {
        qreal sum = 0;
        int count = 0;
        for (int n : neighbours.at(leaf.device)) {
            if (hostPos.contains(n)) {
                sum += hostPos.value(n).x();
                ++count;
            }
        }
        leaf.pos = QPointF(count > 0 ? sum / count : x, leafY);
    }
    std::stable_sort(leaves.begin(), leaves.end(),
                     [](const Node &a, const Node &b) { return a.pos.x() < b.pos.x(); });
    for (int i = 1; i < leaves.size(); ++i)
        leaves[i].pos.setX(qMax(leaves.at(i).pos.x(), leaves.at(i - 1).pos.x() + leafMinGap));
    const qreal left = leaves.isEmpty() ? 0 : leaves.first().pos.x();
    const qreal right = leaves.isEmpty() ? qMax(0.0, x - groupGap) : leaves.last().pos.x();
    const qreal spineStep = spines.size() > 1
        ? qMax(spineMinGap, (right - left) / qreal(spines.size())) : 0;
    for (int i = 0; i < spines.size(); ++i)
        spines[i].pos = QPointF((left + right) / 2 + (i - (spines.size() - 1) / 2.0) * spineStep,
                                spineY);

    // Detailed lists: switches first so collapsed and detailed views share their indices.
    m_nodes = spines + leaves;
    const int switchCount = int(m_nodes.size());
    m_groupNodes = m_nodes;
    m_nodes += hosts;
    m_groupNodes += groupNodes;
    for (int i = 0; i < m_nodes.size(); ++i)
        nodeOfDevice[m_nodes.at(i).device] = i;
    QHash<int, int> groupNodeOf; // group -> index in m_groupNodes
    for (int i = switchCount; i < m_groupNodes.size(); ++i)
        groupNodeOf.insert(m_groupNodes.at(i).group, i);

    QHash<quint64, int> groupEdgeOf;
    for (const auto &edge : topo.edges) {
        const int a = nodeOfDevice.at(edge.a);
        const int b = nodeOfDevice.at(edge.b);
        if (a < 0 || b < 0)
            continue;
        m_edges.append({a, b, edge.state});
        // Collapsed, a host's edges move to its rack's node; parallel ones merge and keep the
        // worst state so a down link never hides behind an up one.
        const int ga = a < switchCount ? a : groupNodeOf.value(m_nodes.at(a).group, -1);
        const int gb = b < switchCount ? b : groupNodeOf.value(m_nodes.at(b).group, -1);
        if (ga < 0 || gb < 0 || ga == gb)
            continue;
        const quint64 key = (quint64(qMin(ga, gb)) << 32) | quint64(qMax(ga, gb));
        if (const auto it = groupEdgeOf.constFind(key); it != groupEdgeOf.cend()) {
            Edge &merged = m_groupEdges[*it];
            if (severity(edge.state) > severity(merged.state))
                merged.state = edge.state;
        } else {
            groupEdgeOf.insert(key, int(m_groupEdges.size()));
            m_groupEdges.append({ga, gb, edge.state});
        }
    }

    m_worldBounds = {};
    for (const Node &node : std::as_const(m_nodes))
        m_worldBounds |= QRectF(node.pos - QPointF(node.size.width(), node.size.height()) / 2,
                                node.size);
    if (m_followData)
        applyFit();
}

void NetworkGraphItem::applyFit()
{
    if (width() <= 0 || height() <= 0)
        return;
    const QRectF bounds = m_worldBounds.isEmpty() ? QRectF(0, 0, 1, 1)
                                                  : m_worldBounds.adjusted(-fitPadding, -fitPadding,
                                                                           fitPadding, fitPadding);
    const qreal zoom = qBound(minZoom, qMin(width() / bounds.width(), height() / bounds.height()),
                              1.4);
    const QPointF offset = QPointF(width(), height()) / 2 - bounds.center() * zoom;
    setView(zoom, offset);
}

void NetworkGraphItem::setView(qreal zoom, QPointF offset)
{
    if (qFuzzyCompare(zoom, m_zoom) && offset == m_offset)
        return;
    const bool wasCollapsed = collapsed();
    m_zoom = zoom;
    m_offset = offset;
    if (wasCollapsed != collapsed())
        setHovered(-1);
    // Deferred: the view can change inside paint(), where QML must not re-enter.
    QMetaObject::invokeMethod(this, &NetworkGraphItem::viewChanged, Qt::QueuedConnection);
    update();
}

void NetworkGraphItem::fitToView()
{
    m_followData = true;
    ensureLayout();
    applyFit();
}

void NetworkGraphItem::zoomBy(qreal factor, QPointF center)
{
    ensureLayout();
    m_followData = false;
    const qreal zoom = qBound(minZoom, m_zoom * factor, maxZoom);
    const QPointF world = (center - m_offset) / m_zoom;
    setView(zoom, center - world * zoom);
}

void NetworkGraphItem::zoomTo(qreal zoom)
{
    zoomBy(zoom / m_zoom, QPointF(width(), height()) / 2);
}

QRectF NetworkGraphItem::screenRect(const Node &node) const
{
    // Never smaller than a few pixels, so a zoomed-out graph is still visibly there.
    const QSizeF size(qMax(4.0, node.size.width() * m_zoom),
                      qMax(4.0, node.size.height() * m_zoom));
    const QPointF c = toScreen(node.pos);
    return QRectF(c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(),
                  size.height());
}

int NetworkGraphItem::nodeIndexAt(QPointF p)
{
    ensureLayout();
    const QList<Node> &list = nodes();
    // Last drawn is on top.
    for (int i = int(list.size()) - 1; i >= 0; --i)
        if (screenRect(list.at(i)).adjusted(-2, -2, 2, 2).contains(p))
            return i;
    return -1;
}

QString NetworkGraphItem::deviceAt(qreal x, qreal y)
{
    const int i = nodeIndexAt(QPointF(x, y));
    if (i < 0 || nodes().at(i).device < 0)
        return {};
    return snapshot().devices.at(nodes().at(i).device).id;
}

QPointF NetworkGraphItem::devicePosition(const QString &deviceId)
{
    ensureLayout();
    for (const Node &node : nodes())
        if (node.device >= 0 && snapshot().devices.at(node.device).id == deviceId)
            return toScreen(node.pos);
    return QPointF(-1, -1);
}

void NetworkGraphItem::paint(QPainter *painter)
{
    ensureLayout();
    painter->fillRect(QRectF(0, 0, width(), height()), m_surfaceColor);
    const QRectF view(-40, -40, width() + 80, height() + 80);
    paintEdges(painter, view);
    paintNodes(painter, view);
}

void NetworkGraphItem::paintEdges(QPainter *painter, const QRectF &view)
{
    const QList<Node> &list = nodes();
    const QList<Edge> &lines = edges();
    const qreal widthPx = qBound(0.8, 1.6 * std::sqrt(m_zoom), 2.4);
    const QColor up = mix(m_borderColor, m_successColor, 0.45);
    const QPen pens[] = {QPen(up, widthPx), QPen(m_secondaryTextColor, widthPx, Qt::DashLine),
                         QPen(m_criticalColor, widthPx * 1.5)};
    painter->setRenderHint(QPainter::Antialiasing, lines.size() < antialiasEdgeLimit);
    // Down links last, so they are drawn over the healthy ones they cross.
    for (int pass = 0; pass < 3; ++pass) {
        painter->setPen(pens[pass]);
        for (const Edge &edge : lines) {
            if (severity(edge.state) != pass)
                continue;
            const QPointF a = toScreen(list.at(edge.a).pos);
            const QPointF b = toScreen(list.at(edge.b).pos);
            if (!view.intersects(QRectF(a, b).normalized().adjusted(-1, -1, 1, 1)))
                continue;
            painter->drawLine(a, b);
        }
    }
}

void NetworkGraphItem::paintNodes(QPainter *painter, const QRectF &view)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    QFont font(m_fontFamily);
    const bool groups = collapsed();
    const QList<Node> &list = nodes();
    for (const Node &node : list) {
        const QRectF r = screenRect(node);
        if (!view.intersects(r))
            continue;
        const bool isGroup = node.device < 0;
        const Device *device = isGroup ? nullptr : &snapshot().devices.at(node.device);
        const QColor kind = isGroup ? m_gpuColor : kindColor(device->kind);
        const bool selected = device && device->id == selectedDeviceId();
        const bool hovered = device && device->id == hoveredDeviceId();
        const qreal radius = isGroup ? r.width() / 2 : qMin(r.height() / 2, 8 * m_zoom + 2);

        painter->setPen(selected ? QPen(m_accentColor, 2.5) : QPen(kind, hovered ? 2 : 1.2));
        painter->setBrush(mix(m_surfaceColor, kind, isGroup ? 0.16 : hovered ? 0.34 : 0.22));
        painter->drawRoundedRect(r, radius, radius);

        if (const QColor health = healthColor(node.health); health.isValid()) {
            const qreal d = qBound(5.0, r.height() * 0.32, 11.0);
            painter->setPen(QPen(m_surfaceColor, 1.5));
            painter->setBrush(health);
            painter->drawEllipse(QRectF(r.right() - d * 0.75, r.top() - d * 0.25, d, d));
        }

        // Text only where it can be read.
        if (isGroup) {
            if (r.width() >= 22) {
                font.setPixelSize(qBound(9, int(r.width() * 0.32), 16));
                font.setWeight(QFont::Bold);
                painter->setFont(font);
                painter->setPen(m_textColor);
                painter->drawText(r, Qt::AlignCenter, QString::number(node.count));
            }
            if (r.width() >= 18) {
                font.setPixelSize(11);
                font.setWeight(QFont::DemiBold);
                painter->setFont(font);
                painter->setPen(m_secondaryTextColor);
                painter->drawText(QRectF(r.center().x() - 60, r.bottom() + 3, 120, 16),
                                  Qt::AlignHCenter | Qt::AlignTop, node.label);
            }
        } else if (node.tier != Tier::Host && r.height() >= 12) {
            font.setPixelSize(qBound(8, int(r.height() * 0.42), 12));
            font.setWeight(QFont::DemiBold);
            painter->setFont(font);
            painter->setPen(m_textColor);
            painter->drawText(r.adjusted(4, 0, -4, 0), Qt::AlignCenter,
                              painter->fontMetrics().elidedText(node.label, Qt::ElideRight,
                                                                int(r.width() - 8)));
        } else if (node.tier == Tier::Host && !groups && m_zoom >= 0.9) {
            font.setPixelSize(10);
            font.setWeight(QFont::Normal);
            painter->setFont(font);
            painter->setPen(m_secondaryTextColor);
            const QRectF label(r.center().x() - hostStepX * m_zoom / 2, r.bottom() + 2,
                               hostStepX * m_zoom, 14);
            painter->drawText(label, Qt::AlignHCenter | Qt::AlignTop,
                              painter->fontMetrics().elidedText(node.label, Qt::ElideMiddle,
                                                                int(label.width())));
        }
    }
}

void NetworkGraphItem::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
    m_pressOffset = m_offset;
    m_dragging = false;
    event->accept();
}

void NetworkGraphItem::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF delta = event->position() - m_pressPos;
    if (!m_dragging && delta.manhattanLength() > dragThreshold)
        m_dragging = true;
    if (m_dragging) {
        m_followData = false;
        setView(m_zoom, m_pressOffset + delta);
    }
}

void NetworkGraphItem::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    const int i = nodeIndexAt(event->position());
    if (i >= 0 && nodes().at(i).device < 0) {
        // A collapsed rack opens up: zoom in on it just past the threshold.
        const QPointF world = nodes().at(i).pos;
        const qreal zoom = qMin(maxZoom, m_collapseBelowZoom * 1.8);
        m_followData = false;
        setView(zoom, QPointF(width(), height()) / 2 - world * zoom);
        return;
    }
    const QString id = i >= 0 ? snapshot().devices.at(nodes().at(i).device).id : QString();
    setSelectedDeviceId(id);
    Q_EMIT deviceClicked(id);
}

void NetworkGraphItem::hoverMoveEvent(QHoverEvent *event)
{
    const int i = nodeIndexAt(event->position());
    if (i >= 0 && nodes().at(i).device < 0) {
        const Node &group = nodes().at(i);
        setHovered(-1, tr("Rack %1 · %n linked device(s) · click to expand", nullptr, group.count)
                           .arg(group.label));
        return;
    }
    setHovered(i >= 0 ? nodes().at(i).device : -1);
}

void NetworkGraphItem::wheelEvent(QWheelEvent *event)
{
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

} // namespace NeoCloud
