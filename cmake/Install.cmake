# Install the library, its public headers and a relocatable CMake package
# so that consumers can `find_package(circa)` and link `circa::engine`.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS circa_engine circa
  EXPORT circaTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/circa
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/circa/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/circa)
install(EXPORT circaTargets
  NAMESPACE circa::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/circa)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/circaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/circaConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/circa)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/circaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/circaConfig.cmake
  ${PROJECT_BINARY_DIR}/circaConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/circa)
# The model criteria library, found by `extends:` and `circa criteria list`.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/criteria/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/circa/criteria
  FILES_MATCHING PATTERN "*.yaml" PATTERN "*.csv")
