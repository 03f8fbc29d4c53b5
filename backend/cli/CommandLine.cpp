#include "CommandLine.h"

#include <QUrl>

#include "api/TlsIdentity.h"
#include "core/Version.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QSysInfo>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcMain, "neocloud")

void addCommonOptions(QCommandLineParser &parser, LabDefault lab)
{
    parser.addOption({QStringLiteral("lab"),
                      lab == LabDefault::On
                          ? QStringLiteral("Run the demo lab (the default); --lab FILE picks another lab definition.")
                          : QStringLiteral("Run the demo lab of simulated BMCs; --lab FILE picks a lab definition.")});
    parser.addOption({QStringLiteral("no-lab"), QStringLiteral("Do not run the demo lab.")});
    parser.addPositionalArgument(QStringLiteral("[FILE]"), QStringLiteral("With --lab: the lab definition (JSON)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Serve the REST API on HOST:PORT (port 0 picks a free one)."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080")});
    parser.addOption({QStringLiteral("tls-cert"),
                      QStringLiteral("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tls"),
                      QStringLiteral("Serve HTTPS on loopback too. Beyond loopback HTTPS is the rule: without --tls-cert a "
                                     "certificate is made on first start and kept beside the database.")});
    parser.addOption({QStringLiteral("insecure-http"),
                      QStringLiteral("Serve plain HTTP beyond loopback (passwords and tokens travel in clear; a trusted "
                                     "network or a TLS proxy in front only).")});
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("SQLite database file (default: under the app data folder)."),
                      QStringLiteral("PATH_OR_URL")});
    parser.addOption({QStringLiteral("vms"),
                      QStringLiteral("The VAST management API services are enabled on, such as https://vms.example/api "
                                     "(default: the demo lab's). Its Api-Token comes from NEOCLOUD_VMS_TOKEN, or "
                                     "NEOCLOUD_VMS_USER and NEOCLOUD_VMS_PASSWORD for Basic."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("vms-insecure"),
                      QStringLiteral("Do not verify the VMS certificate (self-signed lab clusters).")});
    parser.addOption({QStringLiteral("health-poll"),
                      QStringLiteral("Seconds between light polls of the BMCs tenants' services depend on (0: no polling, "
                                     "health follows discovery scans only)."),
                      QStringLiteral("SECONDS"), QStringLiteral("15")});
    parser.addOption({QStringLiteral("probe-slow"),
                      QStringLiteral("Milliseconds past which a service endpoint's answer to its probe makes the tenant's "
                                     "cell degraded (0: service probes off)."),
                      QStringLiteral("MS"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("telemetry-interval"),
                      QStringLiteral("Seconds between telemetry samples (capacity, GPUs); 0 turns sampling off."),
                      QStringLiteral("SECONDS"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("gpu-metrics"),
                      QStringLiteral("A Prometheus text endpoint serving NVIDIA DCGM exporter metrics (a dcgm-exporter's "
                                     "/metrics, or a Prometheus /federate URL), for GPU utilisation and power."),
                      QStringLiteral("URL")});
}

Result<ListenAddress> parseListenAddress(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    const auto bad = [&] {
        return Error::badInput(QStringLiteral("invalid_listen"),
                               QStringLiteral("--listen expects HOST:PORT, such as 127.0.0.1:8080; "
                                              "got '%1'.")
                                   .arg(text));
    };
    if (colon <= 0)
        return bad();
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return bad();
    ListenAddress address;
    if (host == QLatin1String("localhost"))
        address.host = QHostAddress::LocalHost;
    else if (!address.host.setAddress(host))
        return bad();
    address.port = static_cast<quint16>(port);
    return address;
}

namespace {

// An optional --flag URL: empty, or http(s) with a host.
Status checkHttpUrl(const QString &flag, const QString &text, const QString &example)
{
    if (text.isEmpty())
        return success();
    const QUrl url(text, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) && !url.host().isEmpty())
        return success();
    return Error::badInput(QStringLiteral("invalid_") + QString(flag).replace(u'-', u'_'),
                           QStringLiteral("--%1 expects an http(s) URL such as %2; got '%3'.").arg(flag, example, text));
}

} // namespace

Result<CommonOptions> readCommonOptions(const QCommandLineParser &parser, LabDefault lab)
{
    CommonOptions options;
    const Result<ListenAddress> listen = parseListenAddress(parser.value(QStringLiteral("listen")));
    if (!listen)
        return listen.error();
    options.listen = *listen;
    options.transport.certificatePath = parser.value(QStringLiteral("tls-cert"));
    options.transport.keyPath = parser.value(QStringLiteral("tls-key"));
    options.transport.tls = parser.isSet(QStringLiteral("tls"));
    options.transport.insecureHttp = parser.isSet(QStringLiteral("insecure-http"));
    if (options.transport.certificatePath.isEmpty() != options.transport.keyPath.isEmpty())
        return Error::badInput(QStringLiteral("invalid_tls"), QStringLiteral("--tls-cert and --tls-key go together."));
    if (options.transport.insecureHttp && (options.transport.tls || !options.transport.certificatePath.isEmpty()))
        return Error::badInput(QStringLiteral("conflicting_flags"),
                               QStringLiteral("--insecure-http contradicts --tls and --tls-cert."));
    options.backend.databasePath = parser.value(QStringLiteral("db"));
    if (options.backend.databasePath.isEmpty()) {
        options.backend.databasePath =
            QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                .filePath(QStringLiteral("neocloud.db"));
    }
    options.backend.adminPassword = qEnvironmentVariable("NEOCLOUD_ADMIN_PASSWORD");
    // Secrets come from the environment, never the command line (ps shows it to everyone).
    options.backend.vmsUrl = parser.value(QStringLiteral("vms"));
    options.backend.vmsToken = qEnvironmentVariable("NEOCLOUD_VMS_TOKEN");
    options.backend.vmsUsername = qEnvironmentVariable("NEOCLOUD_VMS_USER");
    options.backend.vmsPassword = qEnvironmentVariable("NEOCLOUD_VMS_PASSWORD");
    options.backend.vmsVerifyTls = !parser.isSet(QStringLiteral("vms-insecure"));
    if (Status s = checkHttpUrl(QStringLiteral("vms"), options.backend.vmsUrl, QStringLiteral("https://vms.example/api")); !s)
        return s.error();
    bool intervalOk = false;
    const int interval = parser.value(QStringLiteral("telemetry-interval")).toInt(&intervalOk);
    if (!intervalOk || interval < 0 || interval > 86400)
        return Error::badInput(QStringLiteral("invalid_telemetry_interval"),
                               QStringLiteral("--telemetry-interval expects seconds from 0 to 86400; got '%1'.")
                                   .arg(parser.value(QStringLiteral("telemetry-interval"))));
    options.backend.telemetryIntervalSeconds = interval;
    options.backend.gpuMetricsUrl = parser.value(QStringLiteral("gpu-metrics"));
    if (Status s = checkHttpUrl(QStringLiteral("gpu-metrics"), options.backend.gpuMetricsUrl,
                                QStringLiteral("http://dcgm-host:9400/metrics"));
        !s)
        return s.error();
    options.backend.metricsToken = qEnvironmentVariable("NEOCLOUD_METRICS_TOKEN");

    bool pollOk = false;
    const double poll = parser.value(QStringLiteral("health-poll")).toDouble(&pollOk);
    if (!pollOk || poll < 0 || poll > 3600)
        return Error::badInput(QStringLiteral("invalid_health_poll"),
                               QStringLiteral("--health-poll expects seconds from 0 to 3600; got '%1'.")
                                   .arg(parser.value(QStringLiteral("health-poll"))));
    bool slowOk = false;
    const int slow = parser.value(QStringLiteral("probe-slow")).toInt(&slowOk);
    if (!slowOk || slow < 0 || slow > 60000)
        return Error::badInput(QStringLiteral("invalid_probe_slow"),
                               QStringLiteral("--probe-slow expects milliseconds from 0 to 60000; got '%1'.")
                                   .arg(parser.value(QStringLiteral("probe-slow"))));
    options.backend.serviceProbes = slow > 0;
    if (slow > 0)
        options.backend.probeSlowMs = slow;
    options.backend.healthPoll = poll > 0;
    if (poll > 0)
        options.backend.healthPollMs = qMax(1000, int(poll * 1000));

    const QStringList positional = parser.positionalArguments();
    const bool labAsked = parser.isSet(QStringLiteral("lab"));
    if (labAsked && parser.isSet(QStringLiteral("no-lab")))
        return Error::badInput(QStringLiteral("conflicting_flags"), QStringLiteral("--lab and --no-lab contradict each other."));
    if (positional.size() > 1 || (!positional.isEmpty() && !labAsked))
        return Error::badInput(QStringLiteral("unexpected_argument"),
                               QStringLiteral("Unexpected argument '%1'; only --lab takes a file.").arg(positional.constLast()));
    if (labAsked || (lab == LabDefault::On && !parser.isSet(QStringLiteral("no-lab"))))
        options.backend.labDefinition = positional.isEmpty() ? defaultLabDefinition : positional.constFirst();
    return options;
}

Result<std::optional<TlsIdentity>> chooseTransport(const CommonOptions &options)
{
    const TransportOptions &t = options.transport;
    const bool loopback = options.listen.host.isLoopback();
    if (!t.certificatePath.isEmpty()) {
        Result<TlsIdentity> given = loadTlsIdentity(t.certificatePath, t.keyPath);
        if (!given)
            return given.error();
        return std::optional<TlsIdentity>(*given);
    }
    if (t.insecureHttp || (loopback && !t.tls))
        return std::optional<TlsIdentity>();
    // The certificate lives with the data it protects, so a restart keeps the fingerprint
    // users have already accepted.
    const QString dir = QFileInfo(options.backend.databasePath).absoluteDir().filePath(QStringLiteral("tls"));
    QStringList names{QSysInfo::machineHostName(), QStringLiteral("localhost"), QStringLiteral("127.0.0.1")};
    const QHostAddress host = options.listen.host;
    if (host != QHostAddress::Any && host != QHostAddress::AnyIPv4 && host != QHostAddress::AnyIPv6 && !names.contains(host.toString()))
        names << host.toString();
    names.removeAll(QString());
    names.removeDuplicates();
    Result<TlsIdentity> identity = ensureTlsIdentity(dir, names);
    if (!identity)
        return identity.error();
    return std::optional<TlsIdentity>(*identity);
}

Result<std::unique_ptr<Backend>> startBackend(const CommonOptions &options)
{
    Result<std::optional<TlsIdentity>> transport = chooseTransport(options);
    if (!transport) {
        qCCritical(lcMain, "%s", qUtf8Printable(transport.error().message));
        return transport.error();
    }
    Result<std::unique_ptr<Backend>> backend = Backend::create(options.backend);
    if (!backend) {
        qCCritical(lcMain, "cannot open the store: %s", qUtf8Printable(backend.error().message));
        return backend.error();
    }
    if (const QString password = backend.value()->generatedAdminPassword(); !password.isEmpty()) {
        qCWarning(lcMain, "created user 'admin' with the generated password %s "
                          "(shown once; set NEOCLOUD_ADMIN_PASSWORD to choose it)",
                  qUtf8Printable(password));
    }
    const std::optional<TlsIdentity> &tls = *transport;
    const Result<quint16> port = backend.value()->listen(
        options.listen.host, options.listen.port,
        tls ? std::optional<QSslConfiguration>(tls->configuration) : std::nullopt);
    if (!port) {
        qCCritical(lcMain, "%s", qUtf8Printable(port.error().message));
        return port.error();
    }
    const QString host = options.listen.host.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + options.listen.host.toString() + QLatin1Char(']')
        : options.listen.host.toString();
    qCInfo(lcMain, "NeoCloud Box %s serving %s://%s:%u/api/v1 (store: %s)",
           productVersion.data(), tls ? "https" : "http", qUtf8Printable(host), *port,
           qUtf8Printable(options.backend.databasePath));
    if (tls) {
        qCInfo(lcMain, "TLS certificate %s%s, SHA-256 fingerprint %s (check it when a browser asks)",
               qUtf8Printable(tls->certificatePath), tls->generated ? " (made now)" : "",
               qUtf8Printable(tls->fingerprint));
    } else if (!options.listen.host.isLoopback()) {
        qCWarning(lcMain, "--insecure-http: serving plain HTTP beyond loopback; passwords and tokens cross "
                          "the network in clear");
    }
    return backend;
}

} // namespace NeoCloud
