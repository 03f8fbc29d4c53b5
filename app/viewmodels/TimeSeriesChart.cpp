#include "TimeSeriesChart.h"

#include "TenancyText.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace NeoCloud {

namespace {
constexpr qreal leftAxis = 72; // room for "1,000.0 TB"
constexpr qreal bottomAxis = 22;
constexpr qreal topPad = 8;
constexpr qreal rightPad = 8;
constexpr int gridLines = 4;
} // namespace

TimeSeriesChart::TimeSeriesChart(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &TimeSeriesChart::seriesChanged, this, [this] { update(); });
    connect(this, &TimeSeriesChart::styleChanged, this, [this] { update(); });
}

QList<QPointF> TimeSeriesChart::toPoints(const QVariantList &points)
{
    QList<QPointF> out;
    out.reserve(points.size());
    for (const QVariant &point : points)
        out.append(point.toPointF());
    return out;
}

void TimeSeriesChart::setSeries(const QVariantList &points)
{
    m_seriesValue = points;
    m_series = toPoints(points);
    Q_EMIT seriesChanged();
}

void TimeSeriesChart::setLimitSeries(const QVariantList &points)
{
    m_limitValue = points;
    m_limit = toPoints(points);
    Q_EMIT seriesChanged();
}

QString TimeSeriesChart::valueText(double value) const
{
    return m_unit == QLatin1String("bytes") ? storageText(value)
                                            : QString::number(std::round(value));
}

void TimeSeriesChart::paint(QPainter *painter)
{
    QFont font(m_fontFamily);
    font.setPixelSize(11);
    painter->setFont(font);
    const QRectF plot(leftAxis, topPad, width() - leftAxis - rightPad,
                      height() - topPad - bottomAxis);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    if (m_series.size() < 2) {
        // Honest about a new box: no line drawn from one point or none.
        painter->setPen(QPen(m_gridColor, 1, Qt::DashLine));
        painter->drawRect(plot);
        painter->setPen(m_textColor);
        painter->drawText(plot.adjusted(12, 0, -12, 0), Qt::AlignCenter | Qt::TextWordWrap,
                          m_emptyText);
        return;
    }

    double minX = m_series.constFirst().x(), maxX = minX, maxY = 0;
    for (const QList<QPointF> *points : { &m_series, &m_limit })
        for (const QPointF &p : *points) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
    if (maxY <= 0)
        maxY = 1;
    maxY *= 1.08; // head room over the highest line
    if (maxX <= minX)
        maxX = minX + 1;
    const auto map = [&](const QPointF &p) {
        return QPointF(plot.left() + (p.x() - minX) / (maxX - minX) * plot.width(),
                       plot.bottom() - p.y() / maxY * plot.height());
    };

    // Value grid and labels.
    for (int i = 0; i <= gridLines; ++i) {
        const double value = maxY * i / gridLines;
        const qreal y = plot.bottom() - plot.height() * i / gridLines;
        painter->setPen(QPen(m_gridColor, 1));
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter->setPen(m_textColor);
        painter->drawText(QRectF(0, y - 8, leftAxis - 8, 16), Qt::AlignRight | Qt::AlignVCenter,
                          valueText(value));
    }
    const QString format = QStringLiteral("d MMM HH:mm");
    painter->drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width() / 2, bottomAxis - 4),
                      Qt::AlignLeft | Qt::AlignTop,
                      QDateTime::fromMSecsSinceEpoch(qint64(minX)).toString(format));
    painter->drawText(
        QRectF(plot.center().x(), plot.bottom() + 4, plot.width() / 2, bottomAxis - 4),
        Qt::AlignRight | Qt::AlignTop,
        QDateTime::fromMSecsSinceEpoch(qint64(maxX)).toString(format));

    // The use, filled down to the axis.
    QPainterPath line;
    line.moveTo(map(m_series.constFirst()));
    for (qsizetype i = 1; i < m_series.size(); ++i)
        line.lineTo(map(m_series.at(i)));
    QPainterPath area = line;
    area.lineTo(map({ m_series.constLast().x(), 0 }));
    area.lineTo(map({ m_series.constFirst().x(), 0 }));
    area.closeSubpath();
    QColor fill = m_lineColor;
    fill.setAlphaF(0.16f);
    painter->fillPath(area, fill);
    painter->strokePath(line, QPen(m_lineColor, 2));

    // The capacity as a dashed limit.
    if (m_limit.size() >= 2) {
        QPainterPath limit;
        limit.moveTo(map(m_limit.constFirst()));
        for (qsizetype i = 1; i < m_limit.size(); ++i)
            limit.lineTo(map(m_limit.at(i)));
        painter->strokePath(limit, QPen(m_limitColor, 1.5, Qt::DashLine));
    } else if (m_limit.size() == 1) {
        const qreal y = map(m_limit.constFirst()).y();
        painter->setPen(QPen(m_limitColor, 1.5, Qt::DashLine));
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
}

} // namespace NeoCloud
