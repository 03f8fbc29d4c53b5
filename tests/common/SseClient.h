#pragma once
// A Server-Sent Events reader on a raw socket for stream tests: sends one GET with a Bearer
// token, keeps the head it got back, and parses every `event:`/`data:` frame as it arrives.

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <functional>

namespace NeoCloud::Testing {

struct SseItem
{
    QByteArray type; // "message" when the frame names none
    QByteArray id;
    QJsonObject data;
};

class SseClient
{
public:
    SseClient(quint16 port, const QString &token, const QByteArray &path = "/api/v1/stream")
    {
        const QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            + (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token.toLatin1() + "\r\n") + "\r\n";
        // Asynchronous, so hundreds can connect while the server (in the same thread) accepts.
        QObject::connect(&m_socket, &QTcpSocket::connected, [this, request] { m_socket.write(request); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { read(); });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }

    QByteArray head() const { return m_head; }
    int status() const { return m_head.mid(9, 3).toInt(); }
    const QList<SseItem> &items() const { return m_items; }
    int comments() const { return m_comments; }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // The first item from now on (or already seen, when `fromStart`) that `accept` takes.
    std::optional<SseItem> waitFor(const std::function<bool(const SseItem &)> &accept, int timeoutMs, bool fromStart = false)
    {
        qsizetype next = fromStart ? 0 : m_checked;
        QElapsedTimer clock;
        clock.start();
        while (true) {
            for (; next < m_items.size(); ++next) {
                if (accept(m_items.at(next))) {
                    m_checked = next + 1;
                    return m_items.at(next);
                }
            }
            if (clock.elapsed() > timeoutMs)
                return std::nullopt;
            QTest::qWait(20);
        }
    }
    bool waitForHead(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_head.isEmpty() && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        return !m_head.isEmpty();
    }

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        if (m_head.isEmpty()) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
        }
        qsizetype end;
        while ((end = m_buffer.indexOf("\n\n")) >= 0) {
            const QByteArray frame = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            SseItem item{"message", {}, {}};
            bool any = false;
            for (const QByteArray &line : frame.split('\n')) {
                if (line.startsWith(':')) {
                    ++m_comments;
                } else if (line.startsWith("event: ")) {
                    item.type = line.mid(7);
                    any = true;
                } else if (line.startsWith("id: ")) {
                    item.id = line.mid(4);
                } else if (line.startsWith("data: ")) {
                    item.data = QJsonDocument::fromJson(line.mid(6)).object();
                    any = true;
                }
            }
            if (any)
                m_items.append(item);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_head;
    QList<SseItem> m_items;
    qsizetype m_checked = 0;
    int m_comments = 0;
};

} // namespace NeoCloud::Testing
