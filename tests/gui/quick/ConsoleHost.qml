// The console window for the tests: one Main over the fixture's context, made once per test file,
// with helpers to find, click and type the way a user does.
import QtQuick
import QtTest
import NeoCloud.Console
import NeoCloud.Testing

TestCase {
    id: host

    property var main: null

    function openConsole(view: string) {
        if (!host.main) {
            const component = Qt.createComponent("qrc:/qt/qml/NeoCloud/Console/Main.qml")
            verify(component.status === Component.Ready, component.errorString())
            host.main = component.createObject(host, { context: Fixture.context, currentView: view })
            verify(host.main !== null)
            tryVerify(() => host.main.visible)
        }
        host.main.currentView = view
        host.main.requestActivate()
        tryVerify(() => host.main.active)
        wait(50)
    }
    function closeConsole() {
        if (host.main)
            host.main.destroy()
        host.main = null
    }
    // Looks through the window's items from its root, which holds the views and the overlay with
    // the open popups (so a closed dialog's twin field is not found first), then the QObject tree:
    // items a Repeater makes have a visual parent but no QObject one.
    function lookUp(objectName: string): var {
        return findChild(host.main.contentItem.parent, objectName) ?? findChild(host.main, objectName)
    }
    function find(objectName: string): var {
        const found = host.lookUp(objectName)
        verify(found !== null, "no item named " + objectName)
        return found
    }
    // Clicks `item` once it is where it will stay: a dialog re-centres itself a frame after its
    // content grows, and a click computed before that lands beside the target.
    function clickItem(item: var) {
        let last = null
        tryVerify(() => {
            const here = item.mapToItem(null, 0, 0)
            const settled = last !== null && here.x === last.x && here.y === last.y
            last = here
            if (!settled)
                wait(20)
            return settled && item.visible && item.enabled
        }, 3000, (item.objectName || item) + " is not clickable")
        mouseClick(item)
    }
    function click(objectName: string) { host.clickItem(host.find(objectName)) }
    // Types into the focused field, key by key.
    function type(text: string) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    when: windowShown
    width: 100
    height: 100
}
