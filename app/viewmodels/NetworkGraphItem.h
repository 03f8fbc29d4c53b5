#pragma once
// The network as one painted item: spines on top, leaves in the middle, linked nodes at the
// bottom grouped by rack, edges coloured by link state. Pans, zooms, and below a zoom threshold
// draws each rack's nodes as one counted node so 10,000 devices stay interactive.

#include "TopologyItemBase.h"

namespace NeoCloud {

class NetworkGraphItem : public TopologyItemBase
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(qreal zoom READ zoom NOTIFY viewChanged)
    // Below this zoom the nodes of each rack collapse into one.
    Q_PROPERTY(qreal collapseBelowZoom READ collapseBelowZoom WRITE setCollapseBelowZoom NOTIFY viewChanged)
    Q_PROPERTY(bool collapsed READ collapsed NOTIFY viewChanged)
    // Nodes at the current level of detail: switches plus hosts, or switches plus rack groups.
    Q_PROPERTY(int visibleNodeCount READ visibleNodeCount NOTIFY viewChanged)
    // Devices with no link at all (PDUs, mostly); the graph leaves them out.
    Q_PROPERTY(int unlinkedCount READ unlinkedCount NOTIFY viewChanged)

public:
    static constexpr qreal minZoom = 0.002;
    static constexpr qreal maxZoom = 4.0;

    explicit NetworkGraphItem(QQuickItem *parent = nullptr);

    qreal zoom() const { return m_zoom; }
    qreal collapseBelowZoom() const { return m_collapseBelowZoom; }
    void setCollapseBelowZoom(qreal zoom);
    bool collapsed() const { return m_zoom < m_collapseBelowZoom; }
    int visibleNodeCount();
    int unlinkedCount();

    void paint(QPainter *painter) override;

    // Zooms by a factor, keeping the point under center (item coordinates) in place.
    Q_INVOKABLE void zoomBy(qreal factor, QPointF center);
    Q_INVOKABLE void zoomTo(qreal zoom);
    // Shows the whole graph, and follows the data again until the user pans or zooms.
    Q_INVOKABLE void fitToView();
    // The device under a point (item coordinates), or "" (also over a collapsed rack).
    Q_INVOKABLE QString deviceAt(qreal x, qreal y);
    // Where a device's node is drawn, in item coordinates; (-1, -1) when it is not drawn.
    Q_INVOKABLE QPointF devicePosition(const QString &deviceId);

Q_SIGNALS:
    void viewChanged();

protected:
    void invalidateLayout() override { m_layoutValid = false; }
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    enum class Tier { Spine, Leaf, Host };
    struct Node
    {
        QPointF pos; // world coordinates
        QSizeF size; // world units
        int device = -1; // -1 for a rack group
        int group = -1;  // the rack group of a host
        int count = 1;   // devices a group node stands for
        Health health = Health::Ok;
        Tier tier = Tier::Host;
        QString label;
    };
    struct Edge
    {
        int a = -1; // indices into the same node list
        int b = -1;
        LinkState state = LinkState::Unknown;
    };

    void ensureLayout();
    void applyFit();
    const QList<Node> &nodes() const { return collapsed() ? m_groupNodes : m_nodes; }
    const QList<Edge> &edges() const { return collapsed() ? m_groupEdges : m_edges; }
    QPointF toScreen(QPointF world) const { return world * m_zoom + m_offset; }
    QRectF screenRect(const Node &node) const;
    int nodeIndexAt(QPointF itemPoint);
    void paintEdges(QPainter *painter, const QRectF &view);
    void paintNodes(QPainter *painter, const QRectF &view);
    void setView(qreal zoom, QPointF offset);

    bool m_layoutValid = false;
    bool m_followData = true; // fit on new data until the user moves the view
    QList<Node> m_nodes;      // switches first, then hosts
    QList<Edge> m_edges;
    QList<Node> m_groupNodes; // the same switches, then one node per rack group
    QList<Edge> m_groupEdges;
    QRectF m_worldBounds;
    int m_unlinked = 0;
    qreal m_zoom = 1;
    QPointF m_offset;
    qreal m_collapseBelowZoom = 0.45;
    QPointF m_pressPos;
    QPointF m_pressOffset;
    bool m_dragging = false;
};

} // namespace NeoCloud
