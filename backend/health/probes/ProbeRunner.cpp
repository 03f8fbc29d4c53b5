#include "ProbeRunner.h"

#include "HttpProbes.h"
#include "StreamProbes.h"

#include <QPointer>

namespace NeoCloud {

ProbeRunner::ProbeRunner(ProbeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    setProbe(std::make_unique<S3Probe>());
    setProbe(std::make_unique<HttpProbe>());
    setProbe(std::make_unique<KafkaProbe>());
    setProbe(std::make_unique<NfsProbe>());
    setProbe(std::make_unique<TcpConnectProbe>());
}

ProbeRunner::~ProbeRunner() = default;

void ProbeRunner::setProbe(std::unique_ptr<ServiceProbe> probe)
{
    Q_ASSERT(!m_running); // a probe with runs out must outlive them
    const QString protocol = probe->protocol();
    m_probes.insert(protocol, std::shared_ptr<ServiceProbe>(std::move(probe)));
}

bool ProbeRunner::runRound(const QList<ProbeTarget> &targets)
{
    if (m_running)
        return false;
    m_running = true;
    m_clock.start();
    m_queue = targets;
    m_results.clear();
    m_results.reserve(targets.size());
    pump();
    return true;
}

void ProbeRunner::pump()
{
    while (m_active < qMax(1, m_options.concurrency) && !m_queue.isEmpty()) {
        const ProbeTarget target = m_queue.takeFirst();
        const auto probe = m_probes.value(target.protocol);
        if (!probe) {
            ProbeResult r;
            r.target = target;
            r.code = QStringLiteral("error");
            r.reason = QStringLiteral("no probe speaks %1").arg(target.protocol);
            m_results << r;
            continue;
        }
        ++m_active;
        QPointer<ProbeRunner> self(this);
        // The callback holds no reference to the probe: a probe's replies own their callbacks,
        // so a probe kept alive by its own reply's callback would be deleted inside that reply.
        probe->run(target, m_options.timeoutMs, [self](ProbeResult result) {
            if (!self)
                return;
            --self->m_active;
            self->m_results << result;
            self->pump();
        });
    }
    if (m_active == 0 && m_queue.isEmpty() && m_running) {
        m_running = false;
        m_lastRoundMs = m_clock.elapsed();
        Q_EMIT roundFinished(m_results);
    }
}

} // namespace NeoCloud
