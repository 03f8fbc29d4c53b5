#pragma once
// Rack elevations in one painted item: every rack side by side in front view, each device drawn
// at its U position and height, coloured by kind, with a health marker; clicks and hover are
// hit-tested against the same layout the painter uses.

#include "TopologyItemBase.h"

namespace NeoCloud {

class RackElevationItem : public TopologyItemBase
{
    Q_OBJECT
    QML_ELEMENT

    // Horizontal scrolling is the item's own: one texture the size of the viewport stays cheap
    // where a 250-rack-wide item would not.
    Q_PROPERTY(qreal contentX READ contentX WRITE setContentX NOTIFY contentChanged)
    Q_PROPERTY(qreal contentWidth READ contentWidth NOTIFY contentChanged)
    // Devices drawn with a critical ring, such as those a health cell blames; the first is
    // scrolled into view when the list changes.
    Q_PROPERTY(QStringList highlightedDeviceIds READ highlightedDeviceIds WRITE setHighlightedDeviceIds NOTIFY highlightChanged)

public:
    explicit RackElevationItem(QQuickItem *parent = nullptr);

    qreal contentX() const { return m_contentX; }
    void setContentX(qreal x);
    qreal contentWidth();
    QStringList highlightedDeviceIds() const { return m_highlighted; }
    void setHighlightedDeviceIds(const QStringList &deviceIds);

    void paint(QPainter *painter) override;

    // The device drawn under a point in item coordinates, or "".
    Q_INVOKABLE QString deviceAt(qreal x, qreal y);
    // Where a device is drawn, in item coordinates; empty when it is not placed in a rack.
    Q_INVOKABLE QRectF deviceRect(const QString &deviceId);
    // Scrolls so the device's rack is visible.
    Q_INVOKABLE void revealDevice(const QString &deviceId);

Q_SIGNALS:
    void contentChanged();
    void highlightChanged();

protected:
    void invalidateLayout() override { m_layoutValid = false; }
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct Placed
    {
        QRectF rect; // content coordinates
        int device = -1;
    };
    struct RackBox
    {
        QRectF frame; // content coordinates, header included
        QRectF body;  // the U slots
        qreal unitHeight = 0;
    };

    void ensureLayout();
    int indexAt(QPointF itemPoint);
    void paintRack(QPainter *painter, int rack);
    void paintDevice(QPainter *painter, const Placed &placed);

    bool m_layoutValid = false;
    QList<RackBox> m_rackBoxes;
    QList<QList<Placed>> m_placed; // per rack
    qreal m_contentWidth = 0;
    qreal m_contentX = 0;
    QPointF m_pressPos;
    qreal m_pressContentX = 0;
    bool m_dragging = false;
    QStringList m_highlighted;
};

} // namespace NeoCloud
