// The definitions of {fmt}'s compiled functions that circa uses, for the
// statically linked `circa` executable (CIRCA_STATIC_CLI, engine/cli/
// CMakeLists.txt): Debian ships libfmt only as a shared library, and one
// shared C++ library would bring libstdc++.so back in. {fmt} keeps these
// definitions in format-inl.h (non-inline unless FMT_HEADER_ONLY); the
// function templates the headers declare `extern template` are instantiated
// here for char, the only character type circa formats. Not compiled when
// the executable links libfmt.so.
#include <fmt/format-inl.h>

namespace fmt {
inline namespace v9 {
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept
    -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept
    -> dragonbox::decimal_fp<double>;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;
template void vformat_to(buffer<char>&, string_view,
                         basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

}  // namespace detail
}  // namespace v9
}  // namespace fmt
