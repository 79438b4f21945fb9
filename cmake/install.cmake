# `cmake --install`: the binary, the bundled profiles and Word templates, the samples, the man page
# bidfmt(1) and the bash completion, in the usual places (GNUInstallDirs). The profiles and template
# parts are also embedded in the binary (cmake/embed.cmake): the installed copies are for people
# to read, copy and extend (`extends: xx-2014`), and the .dotx files for Word.
include(GNUInstallDirs)
# Installing (and CPack's "preinstall" step) does not build the whole tree first: the package test
# runs CPack from inside the test build, where "all" would rebuild test binaries being run.
# scripts/package.sh builds what is installed (bidfmt, bidfmt_man) before packaging.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS bidfmt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# `bidfmt serve` executes it from here (src/cli/serve_command.cpp looks beside bidfmt first).
install(TARGETS bidfmt-serve RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/bidfmt)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/styles/ DESTINATION ${CMAKE_INSTALL_DATADIR}/bidfmt/styles
        FILES_MATCHING PATTERN "*.yaml")
install(FILES ${CMAKE_SOURCE_DIR}/templates/xx-2014.dotx ${CMAKE_SOURCE_DIR}/templates/chapter-heiti.dotx
              ${CMAKE_SOURCE_DIR}/templates/template.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bidfmt/templates)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/samples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/samples)

# The man page, compressed as Debian installs man pages (gzip -n: no name or time stamp inside,
# so the package is byte-stable).
find_program(GZIP gzip REQUIRED)
set(BIDFMT_MAN_GZ ${CMAKE_BINARY_DIR}/bidfmt.1.gz)
add_custom_command(OUTPUT ${BIDFMT_MAN_GZ}
                   COMMAND ${GZIP} -9n -c ${CMAKE_SOURCE_DIR}/docs/bidfmt.1 > ${BIDFMT_MAN_GZ}
                   DEPENDS ${CMAKE_SOURCE_DIR}/docs/bidfmt.1 VERBATIM)
add_custom_target(bidfmt_man ALL DEPENDS ${BIDFMT_MAN_GZ})
install(FILES ${BIDFMT_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/bidfmt-completion.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME bidfmt)

# `bash scripts/package.sh` → dist/bidfmt_<version>_<arch>.deb (CPack's DEB generator).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bidfmt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "bidfmt maintainers <bidfmt@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "format tool for Chinese technical bids (技术标): Markdown to DOCX, check, fix")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "bidfmt builds DOCX technical bids from Markdown that meet a Chinese format\nstandard, checks DOCX files from Word, WPS and LibreOffice against it, and\nfixes them without changing their words.")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Depends: the shared libraries the binary links (libicu72, libyaml-cpp0.7, libpugixml1v5,
# libmd4c0, libminizip1, libstdc++6 …), as dpkg-shlibdeps (dpkg-dev) finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Recommends: what --paginate, --pdf, --render and .doc/.wps/.rtf/.odt inputs run (LibreOffice),
# what reads the PDF (poppler), and the fonts 宋体/黑体 are drawn with where Windows fonts are absent.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libreoffice-writer-nogui, python3-uno, poppler-utils, fonts-noto-cjk")
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE BIDFMT_DEB_ARCH
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT BIDFMT_DEB_ARCH)
  set(BIDFMT_DEB_ARCH amd64)
endif()
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${BIDFMT_DEB_ARCH})
set(CPACK_DEBIAN_FILE_NAME "bidfmt_${PROJECT_VERSION}_${BIDFMT_DEB_ARCH}.deb")
set(CPACK_STRIP_FILES ON)
include(CPack)
