# Embeds every file with extension EXT under DIR into a static library NAME exposing
#   const std::map<std::string_view, std::string_view>& <VAR>()   (file name -> content)
# so the binary needs no files beside it for migrations and API descriptions.
function(wagelink_embed name dir ext var)
  file(GLOB files CONFIGURE_DEPENDS ${dir}/*.${ext})
  set(out ${CMAKE_BINARY_DIR}/generated/${name}.cpp)
  list(JOIN files "|" joined)  # a ';' list would be split by the shell
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DVAR=${var} "-DFILES=${joined}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${dir}/*.${ext}"
    VERBATIM)
  add_library(${name} STATIC ${out})
endfunction()
