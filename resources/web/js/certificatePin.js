// A BMC's pinned certificate as backend/discovery/CertificatePin.cpp names and shows it, so the
// web console finds and shows the same pin the desktop console does:
// - pinKey: the key a pin is stored under, "host:port" from the BMC's URL, the port defaulting
//   to 443 whatever the scheme; the host as QUrl::host() gives it, so an IPv6 address without
//   its brackets ("https://[fd00::11]:8443" is "fd00::11:8443");
// - displayedSha256: "AB:CD:…" for people to compare with what openssl or the BMC's own page
//   shows; the text as given when it is not a SHA-256.
// No DOM here: the browser tests import this file and check it against the C++ unit test's cases.

export function normalizedSha256(fingerprint) {
  const compact = String(fingerprint ?? '').trim().toLowerCase().replaceAll(':', '');
  return /^[0-9a-f]{64}$/.test(compact) ? compact : '';
}

export function displayedSha256(fingerprint) {
  const compact = normalizedSha256(fingerprint);
  return compact ? compact.toUpperCase().match(/../g).join(':') : String(fingerprint ?? '');
}

// The port as written in the URL's authority, or null. Needed because URL drops a port that is
// its scheme's default (":80" of http), which QUrl::port() keeps.
function writtenPort(text) {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text.trim())?.[1] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:(\d+)$/.exec(hostPort)?.[1];
  return port === undefined ? null : Number(port);
}

// QStringLiteral("%1:%2").arg(url.host()).arg(url.port(443)); empty for text that is no URL.
export function pinKey(bmcUrl) {
  if (!bmcUrl) return '';
  let url;
  try {
    url = new URL(bmcUrl);
  } catch {
    return '';
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return `${host}:${url.port !== '' ? Number(url.port) : writtenPort(String(bmcUrl)) ?? 443}`;
}

// Whether the desktop's device panel shows a certificate for this BMC: an HTTPS one.
export const isHttpsBmc = (bmcUrl) => String(bmcUrl ?? '').startsWith('https://');
