#pragma once
// Reads a multipart/form-data body (RFC 7578) into its parts: the plan import takes its CSV
// and NetBox files this way, one file per part.

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace NeoCloud {

struct MultipartPart
{
    QString name;     // the form field
    QString fileName; // empty for a plain field
    QByteArray contentType;
    QByteArray body;
};

// `contentType` is the request's Content-Type header, which carries the boundary.
Result<QList<MultipartPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body);

} // namespace NeoCloud
