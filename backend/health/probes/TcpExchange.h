#pragma once
// One request and its answer over a fresh TCP connection, with a deadline: connects, writes the
// request, feeds what arrives to a reader until it has its answer, and reports once. The Kafka,
// NFS and plain-TCP probes are this plus their codecs.

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <functional>
#include <optional>

namespace NeoCloud {

class TcpExchange : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool connected = false;
        bool timedOut = false;
        QString socketError; // the connection failed or closed before an answer
        std::optional<QString> answer; // the reader's verdict: empty text = fine, else what is wrong
        qint64 elapsedMs = 0;
    };
    // Reads from the bytes so far; returns nothing while it needs more, else its verdict.
    using Reader = std::function<std::optional<QString>(QByteArray &buffer)>;

    static void start(const QString &host, quint16 port, QByteArray request, int timeoutMs, Reader reader,
                      std::function<void(Outcome)> done);

private:
    TcpExchange(QByteArray request, Reader reader, std::function<void(Outcome)> done);
    void finish();

    QTcpSocket m_socket;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QByteArray m_request;
    QByteArray m_buffer;
    Reader m_reader;
    std::function<void(Outcome)> m_done;
    Outcome m_outcome;
    bool m_finished = false;
};

} // namespace NeoCloud
