# One INTERFACE target that every MLWatch target links: language level, warnings, Qt defines.
add_library(mlwatch_settings INTERFACE)
target_compile_features(mlwatch_settings INTERFACE cxx_std_20)
target_include_directories(mlwatch_settings INTERFACE ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(mlwatch_settings INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS                      # signals/slots/emit via Q_SIGNALS etc.; keeps third-party headers safe
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    MLWATCH_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(mlwatch_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
        -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
    if(MLWATCH_WARNINGS_AS_ERRORS)
        target_compile_options(mlwatch_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(mlwatch_settings INTERFACE /W4 /permissive- /utf-8)
    if(MLWATCH_WARNINGS_AS_ERRORS)
        target_compile_options(mlwatch_settings INTERFACE /WX)
    endif()
endif()
