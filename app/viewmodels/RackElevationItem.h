#pragma once
// Rack elevations in one painted item: every rack side by side in front view, each device drawn
// at its U position and height, coloured by kind, with a health marker; clicks and hover are
// hit-tested against the same layout the painter uses. The Commissioning view narrows it to one
// site and marks devices with a failing finding, and draws planned devices not found as ghosts.

#include "TopologyItemBase.h"

#include <QVariantList>
#include <QVariantMap>

namespace NeoCloud {

class RackElevationItem : public TopologyItemBase
{
    Q_OBJECT
    QML_ELEMENT

    // Horizontal scrolling is the item's own: one texture the size of the viewport stays cheap
    // where a 250-rack-wide item would not.
    Q_PROPERTY(qreal contentX READ contentX WRITE setContentX NOTIFY contentChanged)
    Q_PROPERTY(qreal contentWidth READ contentWidth NOTIFY contentChanged)
    // Only this site's racks; "" shows every rack.
    Q_PROPERTY(QString site READ site WRITE setSite NOTIFY siteChanged)
    // Devices to mark in red, by name -> the finding a click on them selects.
    Q_PROPERTY(QVariantMap marks READ marks WRITE setMarks NOTIFY marksChanged)
    // Devices that should be there and are not: [{name, rack, position, heightU, findingId}],
    // drawn as dashed outlines at their place.
    Q_PROPERTY(QVariantList ghosts READ ghosts WRITE setGhosts NOTIFY marksChanged)
    // Devices drawn with a critical ring, such as those a health cell blames; the first is
    // scrolled into view when the list changes.
    Q_PROPERTY(QStringList highlightedDeviceIds READ highlightedDeviceIds WRITE setHighlightedDeviceIds NOTIFY highlightChanged)

public:
    explicit RackElevationItem(QQuickItem *parent = nullptr);

    qreal contentX() const { return m_contentX; }
    void setContentX(qreal x);
    qreal contentWidth();
    QString site() const { return m_site; }
    void setSite(const QString &site);
    QVariantMap marks() const { return m_marks; }
    void setMarks(const QVariantMap &marks);
    QVariantList ghosts() const { return m_ghostList; }
    void setGhosts(const QVariantList &ghosts);
    QStringList highlightedDeviceIds() const { return m_highlighted; }
    void setHighlightedDeviceIds(const QStringList &deviceIds);

    void paint(QPainter *painter) override;

    // The device drawn under a point in item coordinates, or "".
    Q_INVOKABLE QString deviceAt(qreal x, qreal y);
    // Where a device is drawn, in item coordinates; empty when it is not placed in a rack.
    Q_INVOKABLE QRectF deviceRect(const QString &deviceId);
    // The id of the device with this name in the shown racks, or "" (findings name devices).
    Q_INVOKABLE QString deviceNamed(const QString &name);
    // Scrolls so the device's rack is visible.
    Q_INVOKABLE void revealDevice(const QString &deviceId);

Q_SIGNALS:
    void contentChanged();
    void siteChanged();
    void marksChanged();
    // A click on a marked device or a ghost: the finding it stands for.
    void markClicked(const QString &findingId);
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
        int ghost = -1; // index into m_ghosts when this is a device not found
    };
    struct Ghost
    {
        QString name;
        QString rack;
        int position = 1;
        int heightU = 1;
        QString findingId;
    };
    struct RackBox
    {
        int rack = -1; // index into the snapshot's racks
        QRectF frame; // content coordinates, header included
        QRectF body;  // the U slots
        qreal unitHeight = 0;
    };

    void ensureLayout();
    int indexAt(QPointF itemPoint);
    const Placed *placedAt(QPointF itemPoint);
    void paintGhost(QPainter *painter, const Placed &placed);
    void paintMark(QPainter *painter, const QRectF &rect);
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
    QString m_site;
    QVariantMap m_marks;
    QVariantList m_ghostList;
    QList<Ghost> m_ghosts;
    QStringList m_highlighted;
};

} // namespace NeoCloud
