#pragma once
// A small line chart for the Capacity view, painted in C++ because Qt Charts is not among the
// Qt 6.4 modules the console depends on: one filled series (the use) against an optional limit
// line (the capacity), with a value axis, the first and last dates, and a sentence in place of
// the lines when there are fewer than two points.

#include <QColor>
#include <QQuickPaintedItem>
#include <QtQmlIntegration>

namespace NeoCloud {

class TimeSeriesChart : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT

    // Points as QPointF (x: ms since the epoch, y: value), oldest first.
    Q_PROPERTY(QVariantList series READ series WRITE setSeries NOTIFY seriesChanged)
    Q_PROPERTY(QVariantList limitSeries READ limitSeries WRITE setLimitSeries NOTIFY seriesChanged)
    // "bytes" (decimal units) or "count".
    Q_PROPERTY(QString unit MEMBER m_unit NOTIFY styleChanged)
    Q_PROPERTY(QString emptyText MEMBER m_emptyText NOTIFY styleChanged)
    Q_PROPERTY(QColor lineColor MEMBER m_lineColor NOTIFY styleChanged)
    Q_PROPERTY(QColor limitColor MEMBER m_limitColor NOTIFY styleChanged)
    Q_PROPERTY(QColor gridColor MEMBER m_gridColor NOTIFY styleChanged)
    Q_PROPERTY(QColor textColor MEMBER m_textColor NOTIFY styleChanged)
    Q_PROPERTY(QString fontFamily MEMBER m_fontFamily NOTIFY styleChanged)
    Q_PROPERTY(int pointCount READ pointCount NOTIFY seriesChanged)

public:
    explicit TimeSeriesChart(QQuickItem *parent = nullptr);

    QVariantList series() const { return m_seriesValue; }
    void setSeries(const QVariantList &points);
    QVariantList limitSeries() const { return m_limitValue; }
    void setLimitSeries(const QVariantList &points);
    int pointCount() const { return int(m_series.size()); }

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void seriesChanged();
    void styleChanged();

private:
    static QList<QPointF> toPoints(const QVariantList &points);
    QString valueText(double value) const;

    QVariantList m_seriesValue;
    QVariantList m_limitValue;
    QList<QPointF> m_series;
    QList<QPointF> m_limit;
    QString m_unit = QStringLiteral("bytes");
    QString m_emptyText;
    QColor m_lineColor { 0x36, 0x56, 0xe0 };
    QColor m_limitColor { 0xc8, 0x32, 0x1f };
    QColor m_gridColor { 0xe2, 0xe6, 0xee };
    QColor m_textColor { 0x5a, 0x64, 0x78 };
    QString m_fontFamily = QStringLiteral("DejaVu Sans");
};

} // namespace NeoCloud
