#pragma once
// Runs a round of probes: at most `concurrency` at once, each with its own deadline, so one
// black-holed endpoint costs only its own timeout. Owns one probe per protocol.

#include "ServiceProbe.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <memory>

namespace NeoCloud {

struct ProbeOptions
{
    int concurrency = 16;
    int timeoutMs = 3000;
    int slowMs = 1000; // an answer slower than this makes the cell degraded
};

class ProbeRunner : public QObject
{
    Q_OBJECT
public:
    explicit ProbeRunner(ProbeOptions options, QObject *parent = nullptr);
    ~ProbeRunner() override;

    // Replaces the probe for its protocol (tests hand in fakes; the real ones are there already);
    // not while a round runs.
    void setProbe(std::unique_ptr<ServiceProbe> probe);
    // Starts a round; ignored (returns false) while one runs.
    bool runRound(const QList<ProbeTarget> &targets);
    bool isRunning() const { return m_running; }
    const ProbeOptions &options() const { return m_options; }
    qint64 lastRoundMs() const { return m_lastRoundMs; }

Q_SIGNALS:
    void roundFinished(const QList<NeoCloud::ProbeResult> &results);

private:
    void pump();

    ProbeOptions m_options;
    QHash<QString, std::shared_ptr<ServiceProbe>> m_probes;
    QList<ProbeTarget> m_queue;
    QList<ProbeResult> m_results;
    int m_active = 0;
    bool m_running = false;
    QElapsedTimer m_clock;
    qint64 m_lastRoundMs = 0;
};

} // namespace NeoCloud
