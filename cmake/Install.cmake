# Installs the binary, the library with its headers, a CMake package (vanban::vanban),
# a pkg-config file, the man page and the bash completion.
set(VANBAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/vanban)
install(TARGETS vanban EXPORT vanbanTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS vanban_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT vanbanTargets NAMESPACE vanban:: DESTINATION ${VANBAN_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/vanbanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/vanbanConfig.cmake INSTALL_DESTINATION ${VANBAN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/vanbanConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/vanbanConfig.cmake ${PROJECT_BINARY_DIR}/vanbanConfigVersion.cmake
        DESTINATION ${VANBAN_CMAKE_DIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/vanban.pc.in ${PROJECT_BINARY_DIR}/vanban.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/vanban.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_BINARY_DIR}/cmd/vanban.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME vanban)
install(FILES ${PROJECT_BINARY_DIR}/cmd/vanban.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The man page's SEE ALSO points here.
install(FILES ${PROJECT_SOURCE_DIR}/docs/cli.md ${PROJECT_SOURCE_DIR}/docs/schema.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
