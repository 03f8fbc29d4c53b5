# Debian packages: neocloud-server (headless, with a systemd unit) and neocloud-console (desktop,
# with a .desktop entry and icon). `cpack -G DEB` in the build folder writes both.
include(GNUInstallDirs)

install(FILES ${PROJECT_SOURCE_DIR}/installers/neocloud-server.service
        DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/../neocloud-server
        COMPONENT server)
if(TARGET neocloud-console)
    install(TARGETS neocloud-console RUNTIME DESTINATION bin COMPONENT console)
    install(FILES ${PROJECT_SOURCE_DIR}/installers/neocloud-console.desktop
            DESTINATION share/applications COMPONENT console)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/neocloud-console.svg
            DESTINATION share/icons/hicolor/scalable/apps COMPONENT console)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME neocloud)
set(CPACK_PACKAGE_VENDOR "NeoCloud Box")
set(CPACK_PACKAGE_CONTACT "NeoCloud Box engineering <engineering@neocloud.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server)
if(TARGET neocloud-console)
    list(APPEND CPACK_COMPONENTS_ALL console)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps finds the shared libraries; plugins and QML modules are loaded at run time and
# must be named.
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME neocloud-server)
set(CPACK_DEBIAN_SERVER_DESCRIPTION "NeoCloud Box server: backend and REST API, headless")
# The offscreen platform plugin comes with libqt6gui6; the PDF reports need a font; the openssl
# tool makes the TLS certificate on the first start beyond loopback.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, fonts-dejavu-core, openssl")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME neocloud-console)
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION "NeoCloud Box desktop console for GPU clouds")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, openssl, qt6-qpa-plugins, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-templates, qml6-module-qtqml-workerscript, qml6-module-qtqml, qml6-module-qtqml-models")
# The web views load QtWebEngine's QML module (and QtWebChannel's, which it imports) at run time.
if(NEOCLOUD_WITH_WEBENGINE)
    string(APPEND CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS ", qml6-module-qtwebengine, qml6-module-qtwebchannel")
endif()
include(CPack)
