#include "Multipart.h"

namespace NeoCloud {
namespace {

Error malformed(const QString &why)
{
    return Error::badInput(QStringLiteral("malformed_multipart"), QStringLiteral("The multipart body cannot be read: %1.").arg(why));
}

// The value of `name=` in a header's parameters, quoted or not.
QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    for (QByteArray part : header.split(';')) {
        part = part.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq < 0 || part.left(eq).trimmed().toLower() != name)
            continue;
        QByteArray value = part.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2).replace("\\\"", "\"");
        return value;
    }
    return {};
}

} // namespace

Result<QList<MultipartPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return malformed(QStringLiteral("the Content-Type names no boundary"));
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return malformed(QStringLiteral("the boundary never occurs"));
    QList<MultipartPart> parts;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts; // the closing delimiter
        // The rest of the delimiter line.
        const qsizetype lineEnd = body.indexOf('\n', pos);
        if (lineEnd < 0)
            return malformed(QStringLiteral("a part is cut off"));
        pos = lineEnd + 1;
        const qsizetype next = body.indexOf(QByteArray("\n" + delimiter), pos);
        if (next < 0)
            return malformed(QStringLiteral("the closing boundary is missing"));
        QByteArray chunk = body.mid(pos, next - pos);
        if (chunk.endsWith('\r'))
            chunk.chop(1);
        qsizetype headerEnd = chunk.indexOf("\r\n\r\n");
        qsizetype bodyStart = headerEnd + 4;
        if (headerEnd < 0) {
            headerEnd = chunk.indexOf("\n\n");
            bodyStart = headerEnd + 2;
        }
        if (headerEnd < 0)
            return malformed(QStringLiteral("a part has no header block"));
        MultipartPart part;
        for (QByteArray line : chunk.left(headerEnd).split('\n')) {
            line = line.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower(), value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(parameter(value, "name"));
                part.fileName = QString::fromUtf8(parameter(value, "filename"));
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        part.body = chunk.mid(bodyStart);
        parts << part;
        pos = next + 1;
    }
}

} // namespace NeoCloud
