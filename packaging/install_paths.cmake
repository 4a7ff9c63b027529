# Run by `cmake --install` (and by CPack): writes the files whose contents name the paths
# of this installation, which are known only now (`cmake --install --prefix DIR` may choose
# another prefix than the build did). The rule is the one the programs apply to find their
# own files (analyzers/base/src/install_paths.cpp): PREFIX /usr keeps its configuration in
# /etc and its data in /var/lib/agora, any other prefix in PREFIX/etc and PREFIX/var/lib.
set(agora_bindir "${CMAKE_INSTALL_PREFIX}/bin")
set(agora_datadir "${CMAKE_INSTALL_PREFIX}/share/agora")
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(agora_sysconfdir "/etc")
  set(agora_statedir "/var/lib/agora")
else()
  set(agora_sysconfdir "${CMAKE_INSTALL_PREFIX}/etc")
  set(agora_statedir "${CMAKE_INSTALL_PREFIX}/var/lib/agora")
endif()

function(agora_install_configured template destination)
  set(target "$ENV{DESTDIR}${destination}")
  message(STATUS "Installing: ${target}")
  configure_file("${agora_packaging_dir}/${template}" "${target}" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${destination}")
  set(CMAKE_INSTALL_MANIFEST_FILES "${CMAKE_INSTALL_MANIFEST_FILES}" PARENT_SCOPE)
endfunction()

agora_install_configured(agora-searchd.service.in
                         "${CMAKE_INSTALL_PREFIX}/lib/systemd/system/agora-searchd.service")
# The configuration belongs to whoever runs the server: never overwritten once there.
if(NOT EXISTS "$ENV{DESTDIR}${agora_sysconfdir}/agora/searchd.json")
  agora_install_configured(searchd.json.in "${agora_sysconfdir}/agora/searchd.json")
endif()
file(MAKE_DIRECTORY "$ENV{DESTDIR}${agora_statedir}")
