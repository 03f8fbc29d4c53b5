#include "SiteComparison.h"

#include "api/JsonKeys.h"
#include "domain/Enums.h"

#include <QSet>

#include <map>

namespace NeoCloud {
namespace {

const QString arrow = QStringLiteral(" \u2194 ");

QString place(const QString &rack, std::optional<int> position)
{
    if (rack.isEmpty() && !position)
        return QStringLiteral("not racked");
    QString out = rack.isEmpty() ? QStringLiteral("(no rack)") : rack;
    if (position)
        out += QStringLiteral(" U%1").arg(*position);
    return out;
}

QString same(const QString &text) { return text.trimmed().toLower(); }

// The most common value; ties go to the first in sort order so the result is stable.
template<typename T>
std::optional<T> majority(const QList<T> &values)
{
    std::map<T, int> counts;
    for (const T &v : values)
        ++counts[v];
    std::optional<T> best;
    int bestCount = 0;
    for (const auto &[value, count] : counts)
        if (count > bestCount) {
            best = value;
            bestCount = count;
        }
    return best;
}

struct Checks
{
    QList<Finding> out;

    Finding &add(const QString &check, const QString &subject, Severity severity, bool pass, const QString &device,
                 const QString &expected, const QString &found, const QString &problem = {}, const QString &message = {})
    {
        Finding f;
        f.check = check;
        f.subject = subject;
        f.key = check + QLatin1Char('|') + subject;
        f.severity = severity;
        f.status = pass ? FindingStatus::Pass : FindingStatus::Fail;
        f.problem = pass ? QString() : problem;
        f.device = device;
        f.expected = expected;
        f.found = found;
        f.message = message;
        out << f;
        return out.last();
    }
};

QString linkSubject(const PlanLinkEnd &a, const PlanLinkEnd &b) { return a.text() + arrow + b.text(); }

} // namespace

QList<Finding> compareSite(const SitePlan &plan, const AsBuilt &site)
{
    Checks checks;
    QHash<QString, const BuiltDevice *> byName, bySerial, byBmc;
    for (const BuiltDevice &d : site.devices) {
        byName.insert(d.name, &d);
        if (!d.serial.isEmpty())
            bySerial.insert(same(d.serial), &d);
        if (!d.bmcUrl.isEmpty())
            byBmc.insert(d.bmcUrl, &d);
    }
    const QSet<QString> unreachable(site.unreachable.begin(), site.unreachable.end());

    // Planned devices matched to found ones: by name, else by serial, else by BMC address.
    QHash<QString, const BuiltDevice *> matched; // plan name -> found
    QSet<const BuiltDevice *> taken;
    for (const PlanDevice &d : plan.devices) {
        const BuiltDevice *f = byName.value(d.name);
        if (!f && !d.serial.isEmpty())
            f = bySerial.value(same(d.serial));
        if (!f && !d.bmcUrl.isEmpty())
            f = byBmc.value(d.bmcUrl);
        if (f && !taken.contains(f)) {
            matched.insert(d.name, f);
            taken.insert(f);
        }
    }
    QHash<QString, int> plannedLinksOf;
    for (const PlanLink &l : plan.links) {
        ++plannedLinksOf[l.a.device];
        ++plannedLinksOf[l.b.device];
    }

    for (const PlanDevice &d : plan.devices) {
        const BuiltDevice *f = matched.value(d.name);
        const QString expectedPlace = place(d.rack, d.position);
        if (!f) {
            QString found = QStringLiteral("not discovered");
            if (!d.bmcUrl.isEmpty() && unreachable.contains(d.bmcUrl))
                found = QStringLiteral("BMC %1 does not answer").arg(d.bmcUrl);
            QString message;
            if (const int links = plannedLinksOf.value(d.name))
                message = QStringLiteral("Its %1 planned link(s) cannot be checked until it is found.").arg(links);
            checks.add(QStringLiteral("device-present"), d.name, Severity::Critical, false, d.name,
                       QStringLiteral("present in ") + expectedPlace, found, QStringLiteral("missing"), message);
            continue;
        }
        const QString as = f->name == d.name ? QString() : QStringLiteral(" (reports itself as %1)").arg(f->name);
        checks.add(QStringLiteral("device-present"), d.name, Severity::Critical, true, d.name, QStringLiteral("present"),
                   QStringLiteral("present") + as);
        if (!d.rack.isEmpty() || d.position) {
            const bool rackOk = d.rack.isEmpty() || d.rack == f->rack;
            const bool positionOk = !d.position || d.position == f->position;
            checks.add(QStringLiteral("device-location"), d.name, Severity::Warning, rackOk && positionOk, d.name, expectedPlace,
                       place(f->rack, f->position), rackOk ? QStringLiteral("wrong-position") : QStringLiteral("wrong-rack"));
        }
        if (!d.model.isEmpty())
            checks.add(QStringLiteral("device-model"), d.name, Severity::Critical, same(d.model) == same(f->model), d.name, d.model,
                       f->model.isEmpty() ? QStringLiteral("(not reported)") : f->model, QStringLiteral("wrong-model"));
        if (!d.serial.isEmpty())
            checks.add(QStringLiteral("device-serial"), d.name, Severity::Warning, same(d.serial) == same(f->serial), d.name, d.serial,
                       f->serial.isEmpty() ? QStringLiteral("(not reported)") : f->serial, QStringLiteral("serial-mismatch"));
    }
    for (const BuiltDevice &f : site.devices)
        if (!taken.contains(&f))
            checks.add(QStringLiteral("device-unexpected"), f.name, Severity::Warning, false, f.name, QStringLiteral("not in the plan"),
                       QStringLiteral("%1 %2, serial %3, in %4").arg(f.vendor, f.model, f.serial.isEmpty() ? QStringLiteral("?") : f.serial,
                                                                      place(f.rack, f.position)),
                       QStringLiteral("unexpected"));

    // Firmware: against the plan when it names one, else against the majority of the model.
    QHash<QString, const PlanDevice *> planOf; // found name -> plan device
    for (const PlanDevice &d : plan.devices)
        if (const BuiltDevice *f = matched.value(d.name))
            planOf.insert(f->name, &d);
    QHash<QString, QList<QString>> firmwareByModel;
    QHash<QString, QHash<QString, QList<int>>> countsByModel; // model -> part kind -> counts
    const QStringList countedKinds{QStringLiteral("gpu"), QStringLiteral("drive"), QStringLiteral("memory")};
    for (const BuiltDevice &f : site.devices) {
        if (!f.firmware.isEmpty())
            firmwareByModel[same(f.model)] << f.firmware;
        for (const QString &kind : countedKinds)
            countsByModel[same(f.model)][kind] << f.counts.value(kind);
    }
    for (const BuiltDevice &f : site.devices) {
        const PlanDevice *p = planOf.value(f.name);
        if (f.firmware.isEmpty())
            continue; // its BMC reports none (a DBox enclosure): nothing to compare
        if (p && !p->firmware.isEmpty()) {
            checks.add(QStringLiteral("firmware"), f.name, Severity::Warning, same(p->firmware) == same(f.firmware), f.name, p->firmware,
                       f.firmware, QStringLiteral("mismatch"));
        } else {
            const QList<QString> &all = firmwareByModel.value(same(f.model));
            const QString usual = majority(all).value_or(f.firmware);
            checks.add(QStringLiteral("firmware"), f.name, Severity::Warning, f.firmware == usual, f.name,
                       QStringLiteral("%1 (as %2 of %3 %4)").arg(usual).arg(all.count(usual)).arg(all.size()).arg(f.model), f.firmware,
                       QStringLiteral("drift"));
        }
    }

    // Parts: GPUs, drives and DIMMs at least as many as planned, or as most of the model have.
    for (const BuiltDevice &f : site.devices) {
        const PlanDevice *p = planOf.value(f.name);
        for (const QString &kind : countedKinds) {
            std::optional<int> planned;
            if (p)
                planned = kind == countedKinds.at(0) ? p->expected.gpus : kind == countedKinds.at(1) ? p->expected.drives : p->expected.memory;
            const int expected = planned ? *planned : majority(countsByModel.value(same(f.model)).value(kind)).value_or(0);
            const int found = f.counts.value(kind);
            if (expected == 0 && found == 0)
                continue; // a switch has no GPUs: nothing to check
            const QString source = planned ? QStringLiteral("planned") : QStringLiteral("as most %1").arg(f.model);
            checks.add(QStringLiteral("part-count"), f.name + QLatin1Char(' ') + kind, kind == countedKinds.at(0) ? Severity::Critical : Severity::Warning,
                       found >= expected, f.name, QStringLiteral("%1 %2 (%3)").arg(expected).arg(kind, source), QStringLiteral("%1 %2").arg(found).arg(kind),
                       QStringLiteral("short"));
        }
    }

    // Health of every part, and power redundancy.
    for (const BuiltDevice &f : site.devices) {
        if (f.unhealthy.isEmpty())
            checks.add(QStringLiteral("part-health"), f.name, Severity::Warning, true, f.name, QStringLiteral("all parts healthy"),
                       QStringLiteral("all parts healthy"));
        for (const BuiltPart &part : f.unhealthy)
            checks.add(QStringLiteral("part-health"), f.name + QLatin1Char(' ') + part.name,
                       part.health == QLatin1String("critical") ? Severity::Critical : Severity::Warning, false, f.name,
                       QStringLiteral("%1 %2 ok").arg(part.kind, part.name), QStringLiteral("%1 %2 %3").arg(part.kind, part.name, part.health),
                       QStringLiteral("unhealthy"));
        const int psus = f.counts.value(QStringLiteral("psu"));
        if (psus > 0)
            checks.add(QStringLiteral("psu-redundancy"), f.name, Severity::Critical, f.healthyPsus >= 2, f.name,
                       QStringLiteral("at least 2 healthy PSUs"), QStringLiteral("%1 of %2 PSUs healthy").arg(f.healthyPsus).arg(psus),
                       QStringLiteral("not-redundant"));
    }

    // Cabling: each planned link against what LLDP heard on its two ports.
    QHash<QString, PlanLinkEnd> peer; // "device:port" -> the far end heard
    QHash<QString, double> speedAt;
    for (const BuiltLink &l : site.links) {
        peer.insert(l.a.text(), l.b);
        peer.insert(l.b.text(), l.a);
        speedAt.insert(l.a.text(), l.speedGbps);
        speedAt.insert(l.b.text(), l.speedGbps);
    }
    auto asFound = [&](const PlanLinkEnd &e) { return PlanLinkEnd{matched.value(e.device)->name, e.port}; };
    struct Miscabled
    {
        qsizetype finding;
        PlanLinkEnd a, b; // as found names
    };
    QList<Miscabled> miscabled;
    for (const PlanLink &l : plan.links) {
        if (!matched.contains(l.a.device) || !matched.contains(l.b.device))
            continue; // reported with the missing device
        const PlanLinkEnd a = asFound(l.a), b = asFound(l.b);
        const QString subject = linkSubject(l.a, l.b);
        const auto pa = peer.constFind(a.text()), pb = peer.constFind(b.text());
        if (pa != peer.constEnd() && pa->text() == b.text()) {
            checks.add(QStringLiteral("cabling"), subject, Severity::Critical, true, l.a.device, subject, linkSubject(a, b));
            if (l.speedGbps) {
                const double found = speedAt.value(a.text());
                checks.add(QStringLiteral("link-speed"), subject, Severity::Warning, qFuzzyCompare(found, *l.speedGbps), l.a.device,
                           QStringLiteral("%1 Gb/s").arg(*l.speedGbps), found > 0 ? QStringLiteral("%1 Gb/s").arg(found) : QStringLiteral("unknown"),
                           QStringLiteral("wrong-speed"));
            }
            continue;
        }
        if (pa == peer.constEnd() && pb == peer.constEnd()) {
            checks.add(QStringLiteral("cabling"), subject, Severity::Critical, false, l.a.device, subject,
                       QStringLiteral("no link heard on either port"), QStringLiteral("missing"));
            continue;
        }
        QStringList heard;
        if (pa != peer.constEnd())
            heard << linkSubject(a, *pa);
        if (pb != peer.constEnd())
            heard << linkSubject(b, *pb);
        checks.add(QStringLiteral("cabling"), subject, Severity::Critical, false, l.a.device, subject, heard.join(QLatin1String("; ")),
                   QStringLiteral("miscabled"));
        miscabled << Miscabled{checks.out.size() - 1, a, b};
    }
    // Two miscabled links whose far ends are exchanged are one swapped pair of cables.
    QSet<qsizetype> merged;
    QList<Finding> swaps;
    for (qsizetype i = 0; i < miscabled.size(); ++i) {
        for (qsizetype j = i + 1; j < miscabled.size() && !merged.contains(miscabled[i].finding); ++j) {
            if (merged.contains(miscabled[j].finding))
                continue;
            const Miscabled &x = miscabled[i], &y = miscabled[j];
            const QSet<QString> ends{x.a.text(), x.b.text(), y.a.text(), y.b.text()};
            bool swap = ends.size() == 4;
            for (const QString &e : ends) {
                const auto p = peer.constFind(e);
                swap = swap && p != peer.constEnd() && ends.contains(p->text());
            }
            if (!swap)
                continue;
            const Finding &fx = checks.out.at(x.finding), &fy = checks.out.at(y.finding);
            QStringList subjects{fx.subject, fy.subject};
            subjects.sort();
            Finding f = fx;
            f.subject = subjects.join(QLatin1String(" / "));
            f.key = QStringLiteral("cabling|") + f.subject;
            f.problem = QStringLiteral("swapped");
            f.expected = subjects.join(QLatin1String("; "));
            QStringList heard{linkSubject(x.a, peer.value(x.a.text())), linkSubject(y.a, peer.value(y.a.text()))};
            heard.sort();
            f.found = heard.join(QLatin1String("; "));
            f.message = QStringLiteral("The two cables are swapped: exchange them at one end.");
            merged << x.finding << y.finding;
            swaps << f;
        }
    }
    QList<Finding> out;
    for (qsizetype i = 0; i < checks.out.size(); ++i)
        if (!merged.contains(i))
            out << checks.out.at(i);
    out << swaps;
    return out;
}

void applyWaivers(QList<Finding> &findings, const QHash<QString, Waiver> &waivers)
{
    for (Finding &f : findings) {
        const auto it = waivers.constFind(f.key);
        if (f.status == FindingStatus::Fail && it != waivers.constEnd() && it->found == f.found) {
            f.status = FindingStatus::Waived;
            f.waiver = *it;
        }
    }
}

QJsonArray compareWithPrevious(QList<Finding> &findings, const QList<Finding> &previous)
{
    QJsonArray changes;
    QHash<QString, const Finding *> before;
    for (const Finding &f : previous)
        before.insert(f.key, &f);
    auto state = [](const Finding *f) {
        return f ? QJsonValue(QJsonObject{{Key::status, toString(f->status)}, {Key::found, f->found}}) : QJsonValue();
    };
    auto record = [&](const Finding &f, const Finding *was, const QString &change) {
        changes.append(QJsonObject{{Key::key, f.key},
                                   {Key::check, f.check},
                                   {Key::subject, f.subject},
                                   {Key::device, f.device},
                                   {Key::change, change},
                                   {Key::before, state(was)},
                                   {Key::after, state(&f == was ? nullptr : &f)}});
    };
    QSet<QString> now;
    for (Finding &f : findings) {
        now.insert(f.key);
        const Finding *was = before.value(f.key);
        const bool failing = f.status != FindingStatus::Pass;
        if (!was) {
            f.change = failing ? QStringLiteral("new") : QString();
        } else {
            const bool wasFailing = was->status != FindingStatus::Pass;
            if (wasFailing && !failing)
                f.change = QStringLiteral("fixed");
            else if (!wasFailing && failing)
                f.change = QStringLiteral("regressed");
            else if (was->found != f.found || was->status != f.status)
                f.change = QStringLiteral("changed");
            else
                f.change = QStringLiteral("unchanged");
        }
        if (!f.change.isEmpty() && f.change != QLatin1String("unchanged"))
            record(f, was, f.change);
    }
    for (const Finding &f : previous)
        if (!now.contains(f.key) && f.status != FindingStatus::Pass)
            record(f, &f, QStringLiteral("fixed"));
    return changes;
}

} // namespace NeoCloud
