#pragma once
// What the two topology drawings share: the snapshot they draw, the theme colours QML hands in,
// the selected and hovered device, and the tooltip text for the hovered one.

#include "TopologyModel.h"

#include <QColor>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQmlIntegration>

namespace NeoCloud {

class TopologyItemBase : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ANONYMOUS

    Q_PROPERTY(NeoCloud::TopologyModel *topology READ topology WRITE setTopology NOTIFY topologyChanged)
    Q_PROPERTY(QString selectedDeviceId READ selectedDeviceId WRITE setSelectedDeviceId NOTIFY selectedDeviceIdChanged)
    Q_PROPERTY(QString hoveredDeviceId READ hoveredDeviceId NOTIFY hoverChanged)
    // One line about what is under the pointer, for a tooltip; empty over nothing.
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverChanged)

    // Colours come from the QML Theme so both themes reach the C++ drawing.
    Q_PROPERTY(QColor backgroundColor MEMBER m_backgroundColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor surfaceColor MEMBER m_surfaceColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor borderColor MEMBER m_borderColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor textColor MEMBER m_textColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor secondaryTextColor MEMBER m_secondaryTextColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor accentColor MEMBER m_accentColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor criticalColor MEMBER m_criticalColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor warningColor MEMBER m_warningColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor successColor MEMBER m_successColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor gpuColor MEMBER m_gpuColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor storageColor MEMBER m_storageColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor networkColor MEMBER m_networkColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor powerColor MEMBER m_powerColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor otherColor MEMBER m_otherColor NOTIFY colorsChanged)
    Q_PROPERTY(QString fontFamily MEMBER m_fontFamily NOTIFY colorsChanged)

public:
    explicit TopologyItemBase(QQuickItem *parent = nullptr);

    TopologyModel *topology() const { return m_topology; }
    void setTopology(TopologyModel *topology);
    QString selectedDeviceId() const { return m_selectedDeviceId; }
    void setSelectedDeviceId(const QString &deviceId);
    QString hoveredDeviceId() const { return m_hoveredDeviceId; }
    QString hoverText() const { return m_hoverText; }

Q_SIGNALS:
    void topologyChanged();
    void selectedDeviceIdChanged();
    void hoverChanged();
    void colorsChanged();
    // A click on a device (not a drag); the view decides what selecting means.
    void deviceClicked(const QString &deviceId);

protected:
    // Called when the snapshot or the item's size changed: derived items redo their layout.
    virtual void invalidateLayout() = 0;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void hoverLeaveEvent(QHoverEvent *event) override;

    const TopologySnapshot &snapshot() const { return *m_snapshot; }
    // Sets the hovered device (or none, for -1) and its tooltip line; extra overrides the line.
    void setHovered(int deviceIndex, const QString &extra = {});
    QColor kindColor(DeviceKind kind) const;
    // The health marker colour, or an invalid colour when the device needs no marker.
    QColor healthColor(Health health) const;
    static QColor mix(const QColor &a, const QColor &b, qreal amountOfB);

    QColor m_backgroundColor{0xf3, 0xf5, 0xf9};
    QColor m_surfaceColor{Qt::white};
    QColor m_borderColor{0xe2, 0xe6, 0xee};
    QColor m_textColor{0x13, 0x1a, 0x26};
    QColor m_secondaryTextColor{0x5a, 0x64, 0x78};
    QColor m_accentColor{0x36, 0x56, 0xe0};
    QColor m_criticalColor{0xc8, 0x32, 0x1f};
    QColor m_warningColor{0xa8, 0x5a, 0x00};
    QColor m_successColor{0x13, 0x80, 0x4f};
    QColor m_gpuColor{0x6d, 0x4a, 0xe0};
    QColor m_storageColor{0x0f, 0x8a, 0x8a};
    QColor m_networkColor{0x1f, 0x6f, 0xd6};
    QColor m_powerColor{0xb8, 0x7a, 0x12};
    QColor m_otherColor{0x73, 0x7d, 0x8c};
    QString m_fontFamily = QStringLiteral("DejaVu Sans");

private:
    void takeSnapshot();

    QPointer<TopologyModel> m_topology;
    std::shared_ptr<const TopologySnapshot> m_snapshot;
    QString m_selectedDeviceId;
    QString m_hoveredDeviceId;
    QString m_hoverText;
};

} // namespace NeoCloud
