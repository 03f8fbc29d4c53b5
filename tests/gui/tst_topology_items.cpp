// The two painted topology items in a real window: a click where the rack elevation draws a
// device selects exactly that device, and the network graph collapses each rack into one node
// below its zoom threshold and opens it up again above.

#include "DeviceTableModel.h"
#include "GuiTestSupport.h"
#include "NetworkGraphItem.h"
#include "RackElevationItem.h"
#include "TopologyModel.h"

#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace NeoCloud;

class TestTopologyItems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createBackend(m_dir);
        QVERIFY(m_backend);
        QVERIFY(Testing::addSampleInventory(m_backend->inventory()));
        QVERIFY(!Testing::addFabric(m_backend->inventory(), racks, hostsPerRack).isEmpty());
        m_devices = std::make_unique<DeviceTableModel>(m_backend->inventory());
        m_topology = std::make_unique<TopologyModel>(m_backend->inventory(), *m_devices);
        QTRY_VERIFY(m_topology->loaded());
        QCOMPARE(m_topology->rackCount(), racks + 1);
    }

    void cleanupTestCase()
    {
        m_topology.reset();
        m_devices.reset();
        m_backend.reset();
    }

    void rackClickSelectsTheDeviceDrawnThere()
    {
        QQuickWindow window;
        window.resize(1200, 760);
        auto *item = new RackElevationItem(window.contentItem());
        item->setSize(window.size());
        item->setTopology(m_topology.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy clicked(item, &RackElevationItem::deviceClicked);

        int checked = 0;
        for (const Device &device : m_devices->devices()) {
            const QRectF rect = item->deviceRect(device.id);
            if (!device.position || device.rackId.isEmpty()) {
                QVERIFY2(rect.isEmpty(), qPrintable(device.name)); // spines hang in no rack
                continue;
            }
            QVERIFY2(!rect.isEmpty(), qPrintable(device.name));
            if (!window.contentItem()->boundingRect().contains(rect))
                continue; // scrolled out of view at this width
            QTest::mouseClick(&window, Qt::LeftButton, {}, rect.center().toPoint());
            QCOMPARE(item->selectedDeviceId(), device.id);
            QCOMPARE(clicked.last().at(0).toString(), device.id);
            QCOMPARE(item->deviceAt(rect.center().x(), rect.center().y()), device.id);
            ++checked;
        }
        QVERIFY(checked >= 2 + hostsPerRack + 1); // the sample rack and at least one fabric rack

        // A 4U device answers over its whole height, and nothing answers beside the racks.
        const QString gpu = m_devices->devices().at(m_devices->rowOfDevice(sampleGpuId())).id;
        const QRectF gpuRect = item->deviceRect(gpu);
        const QRectF leafRect = item->deviceRect(
            m_devices->devices().at(indexOf(QStringLiteral("leaf-01"))).id);
        QVERIFY(gpuRect.height() > 3 * leafRect.height());
        QCOMPARE(item->deviceAt(gpuRect.center().x(), gpuRect.top() + 2), gpu);
        QCOMPARE(item->deviceAt(gpuRect.center().x(), gpuRect.bottom() - 2), gpu);
        QCOMPARE(item->deviceAt(2, 2), QString());
        QTest::mouseClick(&window, Qt::LeftButton, {}, QPoint(2, window.height() - 2));
        QCOMPARE(item->selectedDeviceId(), QString());

        // Scrolling moves the drawing and the hit test together; narrow enough to need it.
        item->setWidth(500);
        QVERIFY(item->contentWidth() > item->width());
        const QRectF before = item->deviceRect(gpu);
        item->setContentX(40);
        QCOMPARE(item->contentX(), 40.0);
        QCOMPARE(item->deviceRect(gpu).left(), before.left() - 40);
        QVERIFY(!window.grabWindow().isNull());
    }

    void graphCollapsesRacksBelowTheThreshold()
    {
        QQuickWindow window;
        window.resize(1000, 700);
        auto *graph = new NetworkGraphItem(window.contentItem());
        graph->setSize(window.size());
        graph->setTopology(m_topology.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const int switches = 2 + 1 + racks;             // spines, the sample leaf, fabric leaves
        const int hosts = 1 + racks * hostsPerRack;     // the sample GPU server, fabric hosts
        const int groups = 1 + racks;                   // one per rack that holds linked hosts
        graph->zoomTo(graph->collapseBelowZoom() * 2);
        QVERIFY(!graph->collapsed());
        QCOMPARE(graph->visibleNodeCount(), switches + hosts);
        const QString host = m_devices->devices().at(m_devices->rowOfDevice(sampleGpuId())).id;
        QVERIFY(graph->devicePosition(host).x() >= -0.5);

        QSignalSpy viewChanged(graph, &NetworkGraphItem::viewChanged);
        graph->zoomTo(graph->collapseBelowZoom() * 0.5);
        QVERIFY(graph->collapsed());
        QCOMPARE(graph->visibleNodeCount(), switches + groups);
        QCOMPARE(graph->devicePosition(host), QPointF(-1, -1)); // inside its rack's node now
        QTRY_VERIFY(viewChanged.count() > 0);
        QVERIFY(!window.grabWindow().isNull()); // and it paints

        graph->zoomTo(graph->collapseBelowZoom() * 1.01);
        QVERIFY(!graph->collapsed());
        QCOMPARE(graph->visibleNodeCount(), switches + hosts);
    }

    void graphClickSelectsAndDragPans()
    {
        QQuickWindow window;
        window.resize(1000, 700);
        auto *graph = new NetworkGraphItem(window.contentItem());
        graph->setSize(window.size());
        graph->setTopology(m_topology.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        graph->fitToView();
        QVERIFY(!graph->collapsed()); // this small fabric fits at full detail

        const QString spine = m_devices->devices().at(indexOf(QStringLiteral("spine-1"))).id;
        const QPointF at = graph->devicePosition(spine);
        QVERIFY(window.contentItem()->boundingRect().contains(at));
        QTest::mouseClick(&window, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(graph->selectedDeviceId(), spine);

        // A drag pans and selects nothing.
        QTest::mousePress(&window, Qt::LeftButton, {}, QPoint(500, 600));
        QTest::mouseMove(&window, QPoint(540, 620));
        QTest::mouseMove(&window, QPoint(600, 650));
        QTest::mouseRelease(&window, Qt::LeftButton, {}, QPoint(600, 650));
        QCOMPARE(graph->selectedDeviceId(), spine);
        QCOMPARE(graph->devicePosition(spine), at + QPointF(100, 50));
    }

private:
    static constexpr int racks = 3;
    static constexpr int hostsPerRack = 6;

    int indexOf(const QString &name) const
    {
        for (int i = 0; i < m_devices->devices().size(); ++i)
            if (m_devices->devices().at(i).name == name)
                return i;
        return -1;
    }
    QString sampleGpuId() const { return m_devices->devices().at(indexOf(QStringLiteral("gpu-001"))).id; }

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<DeviceTableModel> m_devices;
    std::unique_ptr<TopologyModel> m_topology;
};

QTEST_MAIN(TestTopologyItems)
#include "tst_topology_items.moc"
