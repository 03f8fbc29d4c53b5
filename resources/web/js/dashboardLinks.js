// A dashboard's URL for one device, filled exactly as backend/settings/DashboardLinks.cpp
// (fillDashboardUrl) fills it for the desktop console, so both open the same address:
// - the template is trimmed; {name}, {serial}, {bmcHost} and {id} are replaced wherever they
//   occur, each by its value percent-encoded as QUrl::toPercentEncoding does (UTF-8, every byte
//   but A-Z a-z 0-9 - . _ ~ as %XX in capitals), so a name with spaces, '&' or '/' cannot
//   change the URL's shape;
// - a value the device lacks (no serial, no BMC) becomes empty; {bmcHost} is the host of the
//   device's bmcUrl (no scheme, port or path; an IPv6 address without its brackets);
// - anything else in braces is left as written (the backend refuses to store such a template).
// No DOM here: the browser tests import this file and check it against the C++ unit test's cases.

const unreserved = /^[A-Za-z0-9\-._~]$/;

export function percentEncode(value) {
  let encoded = '';
  for (const byte of new TextEncoder().encode(String(value ?? ''))) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && unreserved.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

// QUrl(bmcUrl).host(): empty for no URL or one without an authority.
export function bmcHost(bmcUrl) {
  if (!bmcUrl) return '';
  try {
    return new URL(bmcUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return '';
  }
}

export function fillDashboardUrl(urlTemplate, device) {
  const values = {
    '{name}': device.name, '{serial}': device.serial, '{bmcHost}': bmcHost(device.bmcUrl), '{id}': device.id,
  };
  return String(urlTemplate ?? '').trim().replace(/\{(?:name|serial|bmcHost|id)\}/g, (placeholder) => percentEncode(values[placeholder]));
}
