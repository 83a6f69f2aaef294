# The Debian package: `cpack -G DEB` in a build directory makes hoga_<version>_<arch>.deb with
# every installed program (each target's own install(TARGETS …) rule puts it in bin/), the
# desktop entry and the icon. Included once from the top-level CMakeLists.txt.
#
# Dependencies (TOOLCHAIN.md, "Packaging"): dpkg-shlibdeps finds the Qt 6 and other shared
# libraries the programs link. It cannot see the SQLite driver, a plugin the journal views load
# at run time, so libqt6sql6-sqlite is listed by hand; gnome-keyring (the Secret Service the API
# keys live in) is a recommendation: any Secret Service, KWallet included, will do.
include(GNUInstallDirs)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/hoga.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/hoga.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hoga)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Hoga")
set(CPACK_PACKAGE_CONTACT "Hoga developers <hoga@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "A desktop station (hoga) and command-line tools (hoga-replay, hoga-backtest, \
hoga-exchange-sim, …) for Binance USD-M BTCUSDT futures: order book, candles and order-flow \
features from live streams or recordings, paper and live trading, backtests, and a local \
Binance-compatible exchange simulator. API keys are kept in the system keychain only.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # hoga_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring")
# Qt's own strings (standard buttons, file dialogs) in Korean; Hoga's are built in.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n")

include(CPack)
