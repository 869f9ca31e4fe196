# mlwatch_add_test(NAME <name> SOURCES <files…> LIBRARIES <libs…>
#                  [GUI] [KEYRING] [PYTHON_ORACLE] [TIMEOUT <s>])
# Builds a Qt Test executable and registers it with CTest.
#   GUI      runs under QT_QPA_PLATFORM=offscreen
#   KEYRING  runs inside a private D-Bus session with an unlocked, throw-away gnome-keyring
#   DBUS     runs inside a private D-Bus session bus WITHOUT service activation
#            (tests/notify/session-noactivation.conf), so an absent service is ServiceUnknown
#            instead of an installed daemon (dunst, gnome-keyring) being spawned
# Fixtures are found through MLWATCH_FIXTURES_DIR; helper scripts through MLWATCH_TESTS_DIR.
function(mlwatch_add_test)
    cmake_parse_arguments(T "GUI;KEYRING;DBUS" "NAME;TIMEOUT" "SOURCES;LIBRARIES" ${ARGN})
    qt_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE mlwatch_settings Qt6::Test ${T_LIBRARIES})
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)   # "support/…"
    target_compile_definitions(${T_NAME} PRIVATE
        MLWATCH_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        MLWATCH_TESTS_DIR="${PROJECT_SOURCE_DIR}/tests")
    set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    if(T_DBUS)
        add_test(NAME ${T_NAME} COMMAND dbus-run-session
                 --config-file=${PROJECT_SOURCE_DIR}/tests/notify/session-noactivation.conf -- $<TARGET_FILE:${T_NAME}>)
    elseif(T_KEYRING)
        add_test(NAME ${T_NAME}
                 COMMAND ${PROJECT_SOURCE_DIR}/tests/support/with-keyring.sh $<TARGET_FILE:${T_NAME}>)
    else()
        add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    endif()
    set(env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" "TZ=UTC" "QT_LOGGING_RULES=mlwatch.*.debug=false")
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT})
endfunction()
