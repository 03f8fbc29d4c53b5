#pragma once
// Reaches the console's Theme singleton the way QML does (through the module import), so a test
// can switch both themes on a live window.

#include <QQmlComponent>
#include <QQmlEngine>

#include <memory>

namespace NeoCloud::Testing {

class ThemeProbe
{
public:
    explicit ThemeProbe(QQmlEngine &engine) : m_engine(engine) { }

    // False when the singleton cannot be reached.
    bool setDark(bool dark)
    {
        if (!m_probe) {
            QQmlComponent probe(&m_engine);
            probe.setData("import QtQml\nimport NeoCloud.Console\n"
                          "QtObject { readonly property QtObject theme: Theme }",
                          QUrl(QStringLiteral("qrc:/tests/ThemeProbe.qml")));
            m_probe.reset(probe.create());
        }
        QObject *theme = m_probe ? m_probe->property("theme").value<QObject *>() : nullptr;
        return theme && theme->setProperty("dark", dark);
    }

private:
    QQmlEngine &m_engine;
    std::unique_ptr<QObject> m_probe;
};

} // namespace NeoCloud::Testing
