# What the .deb installs beside the two programs, and the CPack settings (scripts/package).
include(GNUInstallDirs)

# Public addresses come only from whoever publishes the package: a made-up default would send
# users and software centres to a page nobody owns. Without them the metainfo has no links and
# no screenshots, which AppStream allows, and the .deb has no Homepage field.
set(INCIDENTDESK_REPOSITORY_URL ""
    CACHE STRING "Public page of the source, e.g. https://github.com/OWNER/REPO: the homepage, \
the bug tracker (URL/issues) and the screenshots (URL/raw/main/docs/screenshots)")
set(INCIDENTDESK_SCREENSHOT_URL ""
    CACHE STRING "Folder URL the files of docs/screenshots are served from; defaults to the \
repository's raw main branch")
set(INCIDENTDESK_APP_ID io.incidentdesk.IncidentDesk)
set(packaging_dir ${CMAKE_CURRENT_LIST_DIR})
set(packaging_out ${PROJECT_BINARY_DIR}/packaging)

foreach(url_var INCIDENTDESK_REPOSITORY_URL INCIDENTDESK_SCREENSHOT_URL)
    string(REGEX REPLACE "/+$" "" ${url_var} "${${url_var}}")
    # Spaces, quotes and markup characters would break the XML they are written into.
    if(${url_var} AND NOT ${url_var} MATCHES "^https://[^/ <>\"&]+[^ <>\"&]*$")
        message(FATAL_ERROR "${url_var} must be an https:// address without spaces, quotes, <, > or &, not '${${url_var}}'")
    endif()
endforeach()
set(screenshot_base "${INCIDENTDESK_SCREENSHOT_URL}")
if(NOT screenshot_base AND INCIDENTDESK_REPOSITORY_URL)
    set(screenshot_base "${INCIDENTDESK_REPOSITORY_URL}/raw/main/docs/screenshots")
endif()

# The metainfo's <url> and <screenshots> elements, filled in only from the addresses above.
set(INCIDENTDESK_METAINFO_URLS "")
if(INCIDENTDESK_REPOSITORY_URL)
    string(CONCAT INCIDENTDESK_METAINFO_URLS
           "\n  <url type=\"homepage\">${INCIDENTDESK_REPOSITORY_URL}</url>"
           "\n  <url type=\"bugtracker\">${INCIDENTDESK_REPOSITORY_URL}/issues</url>")
endif()
set(INCIDENTDESK_METAINFO_SCREENSHOTS "")
if(screenshot_base)
    set(shots
        "1-triage.png|Triage: severity, countdowns, escalation and messages"
        "3-timeline.png|Timeline: every event in UTC with local time beside it"
        "4-post-mortem.png|Post-mortem: the runbook's template with a live preview")
    set(INCIDENTDESK_METAINFO_SCREENSHOTS "\n  <screenshots>")
    set(shot_type " type=\"default\"")
    foreach(shot IN LISTS shots)
        string(REPLACE "|" ";" shot "${shot}")
        list(GET shot 0 shot_file)
        list(GET shot 1 shot_caption)
        string(APPEND INCIDENTDESK_METAINFO_SCREENSHOTS
               "\n    <screenshot${shot_type}>"
               "\n      <caption>${shot_caption}</caption>"
               "\n      <image>${screenshot_base}/${shot_file}</image>"
               "\n    </screenshot>")
        set(shot_type "")
    endforeach()
    string(APPEND INCIDENTDESK_METAINFO_SCREENSHOTS "\n  </screenshots>")
endif()

configure_file(${packaging_dir}/${INCIDENTDESK_APP_ID}.metainfo.xml.in
               ${packaging_out}/${INCIDENTDESK_APP_ID}.metainfo.xml @ONLY)

# Debian wants man pages and the changelog compressed, without a time stamp in the header so
# two builds give the same bytes.
set(compressed_files)
foreach(source man/incidentdesk.1 man/incidentdesk-cli.1 changelog)
    get_filename_component(name ${source} NAME)
    add_custom_command(
        OUTPUT ${packaging_out}/${name}.gz
        COMMAND gzip -9 -n -c ${packaging_dir}/${source} > ${packaging_out}/${name}.gz
        DEPENDS ${packaging_dir}/${source}
        VERBATIM)
    list(APPEND compressed_files ${packaging_out}/${name}.gz)
endforeach()
add_custom_target(incidentdesk_packaging_files ALL DEPENDS ${compressed_files})

install(FILES ${packaging_dir}/${INCIDENTDESK_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${packaging_out}/${INCIDENTDESK_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/incidentdesk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${INCIDENTDESK_APP_ID}.svg)
foreach(size 16 32 48 64 128 256)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/incidentdesk-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${INCIDENTDESK_APP_ID}.png)
endforeach()
install(FILES ${packaging_out}/incidentdesk.1.gz ${packaging_out}/incidentdesk-cli.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${packaging_dir}/completion/incidentdesk-cli
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# Debian's layout for the licence and the changelog of a native package.
install(FILES ${packaging_dir}/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/incidentdesk)
install(FILES ${packaging_out}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/incidentdesk)

set(CPACK_PACKAGE_NAME incidentdesk)
set(CPACK_PACKAGE_VENDOR "IncidentDesk")
set(CPACK_PACKAGE_CONTACT "IncidentDesk maintainers <dev@incidentdesk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "incident command desk for production incidents")
# CPack writes the summary as the synopsis and indents these lines; an empty line becomes " .".
set(CPACK_PACKAGE_DESCRIPTION
    "IncidentDesk is a desktop application for the incident commander: declare
and triage an incident, follow response-time SLAs and escalation, run the
service profile's diagnostics, keep the timeline, and export the post-mortem
as Markdown with secrets redacted. Everything is stored in a local SQLite
file, so it keeps working when chat, the VPN or a hosted incident tool is
down.

The package holds the window (incidentdesk) and a command line on the same
database (incidentdesk-cli).")
if(INCIDENTDESK_REPOSITORY_URL)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${INCIDENTDESK_REPOSITORY_URL})
endif()
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Libraries loaded at run time, which the library scan cannot see: Qt's SQLite driver and
# platform plugins (X11, Wayland), and libpq, opened on first use (src/pq).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libpq5")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# kubectl runs the Kubernetes checks when it is there; the app works without it.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "kubernetes-client")
# German labels on standard buttons and dialogs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
