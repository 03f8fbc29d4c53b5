#pragma once
// The demo lab's VAST Management Service (VMS) double: a real HTTP server that speaks VMS's REST
// API under /api/ as the VAST spec defines it (resources/specs/vast-vms-openapi.json), with the
// Api-Token and Basic auth of real VMS, Django REST Framework's error shapes, and state kept in
// the backend's database. It is a strict double: every request body is checked against the spec
// (an unknown field is a 400), and every answer is checked too (contractViolations()).
// Lists are JSON arrays as the spec says; with ?page_size=N they become DRF's
// {"count", "next", "previous", "results"} envelope with absolute `next` links.

#include "VmsHttp.h"
#include "core/Result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSet>
#include <QUrl>
#include <memory>

namespace NeoCloud {

class Database;
class VmsCollections;
class VmsStore;
class VmsTasks;
struct LabDefinition;
struct VmsContext;
struct VmsHardware;

struct VmsServerOptions
{
    QString token; // "Authorization: Api-Token <token>"
    QString username; // or Basic <username>:<password>
    QString password;
    qint64 maxBodyBytes = 1024 * 1024;
    int taskCompletionMs = 200; // how long an asynchronous VTask runs
};

// A lab fault as the double applies it: requests whose path (below /api) starts with
// `pathPrefix` and whose method matches (empty: any) answer `status`, or wait `latencyMs`.
struct VmsFault
{
    QString pathPrefix;
    QString method;
    int status = 0;
    int latencyMs = 0;
};

class VmsServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // `lab` gives the cluster's hardware and names the stored state (one per lab name).
    VmsServer(Database &database, const LabDefinition &lab, OpenApiDocument spec,
              VmsServerOptions options, QObject *parent = nullptr);
    ~VmsServer() override;

    // Reads the stored objects and resumes tasks a restart interrupted. Call before listen().
    Status load();
    // Binds address:port (0 picks one) and returns the port, or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    QUrl url() const; // "http://127.77.250.1:16625/api"
    QString token() const { return m_options.token; }

    void setFaults(const QList<VmsFault> &faults) { m_faults = faults; }
    // Lab devices a fault has powered off: their CNodes answer FAILED.
    void setDownNodes(const QSet<QString> &names);

    quint64 requestCount() const { return m_requests; }
    // Answers the double sent that its spec does not document; a test expects none.
    quint64 contractViolations() const { return m_violations; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    VmsLabReply answer(const QHttpServerRequest &request, int *latencyMs,
                       QList<QPair<QByteArray, QByteArray>> *headers);
    VmsLabReply authenticate(const QHttpServerRequest &request) const; // status 0 when allowed
    void checkAnswer(const VmsLabRequest &request, const VmsLabReply &reply);

    OpenApiDocument m_spec;
    VmsServerOptions m_options;
    std::unique_ptr<VmsHardware> m_hardware;
    std::unique_ptr<VmsStore> m_store;
    std::unique_ptr<VmsTasks> m_tasks;
    std::unique_ptr<VmsContext> m_context;
    VmsRoutes m_routes;
    std::unique_ptr<VmsCollections> m_collections;
    QList<VmsFault> m_faults;
    QHostAddress m_address;
    quint16 m_port = 0;
    quint64 m_requests = 0;
    quint64 m_violations = 0;
};

} // namespace NeoCloud
