# Installs vanban into a scratch prefix, then configures, builds and runs tests/consumer
# against it with find_package(vanban) and pkg-config.
add_test(NAME install.consumer
  COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR} -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}/consumer
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/consumer-work -DGENERATOR=${CMAKE_GENERATOR}
          -DCXX=${CMAKE_CXX_COMPILER}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run_consumer.cmake)
set_tests_properties(install.consumer PROPERTIES LABELS install)
