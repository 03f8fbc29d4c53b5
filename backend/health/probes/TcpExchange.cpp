#include "TcpExchange.h"

namespace NeoCloud {

TcpExchange::TcpExchange(QByteArray request, Reader reader, std::function<void(Outcome)> done)
    : m_request(std::move(request))
    , m_reader(std::move(reader))
    , m_done(std::move(done))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_outcome.timedOut = true;
        finish();
    });
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_outcome.connected = true;
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_request.isEmpty()) // a plain connect probe: connected is the answer
            m_outcome.answer = QString();
        if (m_outcome.answer)
            finish();
        else
            m_socket.write(m_request);
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        m_buffer += m_socket.readAll();
        if (auto verdict = m_reader(m_buffer)) {
            m_outcome.answer = *verdict;
            finish();
        }
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        m_outcome.socketError = error == QAbstractSocket::ConnectionRefusedError ? QStringLiteral("connection refused")
            : error == QAbstractSocket::RemoteHostClosedError                    ? QStringLiteral("closed the connection without an answer")
                                                                                 : m_socket.errorString();
        finish();
    });
}

void TcpExchange::start(const QString &host, quint16 port, QByteArray request, int timeoutMs, Reader reader,
                        std::function<void(Outcome)> done)
{
    auto *exchange = new TcpExchange(std::move(request), std::move(reader), std::move(done));
    exchange->m_clock.start();
    exchange->m_deadline.start(timeoutMs);
    exchange->m_socket.connectToHost(host, port);
}

void TcpExchange::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_outcome.elapsedMs = m_clock.elapsed();
    m_socket.disconnect(this);
    m_socket.abort();
    // Reported from the event loop, so a caller never sees its callback inside start().
    QTimer::singleShot(0, this, [this] {
        m_done(m_outcome);
        deleteLater();
    });
}

} // namespace NeoCloud
