// libzip and libxlsxwriter opened when first called, for the statically
// linked `circa` executable (CIRCA_STATIC_CLI, engine/cli/CMakeLists.txt).
//
// Both libraries need libcrypto.so, and loading the three (with libminizip,
// libbz2 and zlib) cost every `circa` run about 1 ms of its start-up, most of
// it the dynamic loader relocating libcrypto (bench/RESULTS.md, issue 18,
// third round), although only workbook bid files (.xlsx, .ods) and
// `--format xlsx` use them. The executable therefore does not link them: it
// defines here each function of theirs that circa calls, with the signature
// of the library's own header; the first call opens the library by its
// SONAME (CIRCA_LIBZIP_SONAME, CIRCA_XLSXWRITER_SONAME, found by CMake) with
// dlopen and looks the function up, and every call goes to the library's
// function. The definitions are not exported (the executable links no
// library that refers to them), so the libraries keep calling their own.
//
// A function of these libraries that circa starts to call must be added
// below, or the executable does not link (undefined reference). Not
// compiled when the executable links the libraries (sanitizer and fuzz
// builds, CIRCA_STATIC_CLI off).
#include <dlfcn.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace {

struct Library {
  explicit Library(const char* name) : soname(name) {}
  const char* soname;
  void* handle = nullptr;
  std::once_flag opened;
};

Library libzip{CIRCA_LIBZIP_SONAME};
Library libxlsxwriter{CIRCA_XLSXWRITER_SONAME};

// A library that cannot be opened is what a missing shared library was
// before: the program cannot run. dlerror() names the file and the cause.
[[noreturn]] void Fail() {
  const char* error = dlerror();
  std::fprintf(stderr, "circa: %s\n", error != nullptr ? error : "dlopen");
  std::abort();
}

void* Symbol(Library& library, const char* name) {
  std::call_once(library.opened, [&library] {
    library.handle = dlopen(library.soname, RTLD_NOW | RTLD_LOCAL);
    if (library.handle == nullptr) Fail();
  });
  void* symbol = dlsym(library.handle, name);
  if (symbol == nullptr) Fail();
  return symbol;
}

}  // namespace

// Defines `name` with the parameters `params`, calling the library's
// function of that name with `args`; the look-up is done once.
#define CIRCA_LAZY(library, result, name, params, args)            \
  extern "C" result name params {                                  \
    static const auto real =                                       \
        reinterpret_cast<decltype(&name)>(Symbol(library, #name)); \
    return real args;                                              \
  }

// libzip (engine/io/zip_archive.cc, xlsx and ods readers).
CIRCA_LAZY(libzip, void, zip_discard, (zip_t * archive), (archive))
CIRCA_LAZY(libzip, int, zip_error_code_zip, (const zip_error_t* error), (error))
CIRCA_LAZY(libzip, void, zip_error_fini, (zip_error_t * error), (error))
CIRCA_LAZY(libzip, void, zip_error_init, (zip_error_t * error), (error))
CIRCA_LAZY(libzip, const char*, zip_error_strerror, (zip_error_t * error),
           (error))
CIRCA_LAZY(libzip, int, zip_fclose, (zip_file_t * file), (file))
CIRCA_LAZY(libzip, zip_error_t*, zip_file_get_error, (zip_file_t * file),
           (file))
CIRCA_LAZY(libzip, zip_file_t*, zip_fopen_index,
           (zip_t * archive, zip_uint64_t index, zip_flags_t flags),
           (archive, index, flags))
CIRCA_LAZY(libzip, zip_int64_t, zip_fread,
           (zip_file_t * file, void* buffer, zip_uint64_t size),
           (file, buffer, size))
CIRCA_LAZY(libzip, zip_error_t*, zip_get_error, (zip_t * archive), (archive))
CIRCA_LAZY(libzip, zip_int64_t, zip_get_num_entries,
           (zip_t * archive, zip_flags_t flags), (archive, flags))
CIRCA_LAZY(libzip, zip_int64_t, zip_name_locate,
           (zip_t * archive, const char* name, zip_flags_t flags),
           (archive, name, flags))
CIRCA_LAZY(libzip, zip_t*, zip_open_from_source,
           (zip_source_t * source, int flags, zip_error_t* error),
           (source, flags, error))
CIRCA_LAZY(libzip, zip_source_t*, zip_source_buffer_create,
           (const void* data, zip_uint64_t size, int free_data,
            zip_error_t* error),
           (data, size, free_data, error))
CIRCA_LAZY(libzip, void, zip_source_free, (zip_source_t * source), (source))
CIRCA_LAZY(libzip, int, zip_stat_index,
           (zip_t * archive, zip_uint64_t index, zip_flags_t flags,
            zip_stat_t* stat),
           (archive, index, flags, stat))
CIRCA_LAZY(libzip, void, zip_stat_init, (zip_stat_t * stat), (stat))

// libxlsxwriter (engine/report/workbook.cc).
CIRCA_LAZY(libxlsxwriter, void, format_set_bold, (lxw_format * format),
           (format))
CIRCA_LAZY(libxlsxwriter, void, format_set_num_format,
           (lxw_format * format, const char* num_format), (format, num_format))
CIRCA_LAZY(libxlsxwriter, void, format_set_text_wrap, (lxw_format * format),
           (format))
CIRCA_LAZY(libxlsxwriter, void, lxw_rowcol_to_cell,
           (char* cell_name, lxw_row_t row, lxw_col_t col),
           (cell_name, row, col))
CIRCA_LAZY(libxlsxwriter, void, lxw_rowcol_to_cell_abs,
           (char* cell_name, lxw_row_t row, lxw_col_t col, uint8_t abs_row,
            uint8_t abs_col),
           (cell_name, row, col, abs_row, abs_col))
CIRCA_LAZY(libxlsxwriter, char*, lxw_strerror, (lxw_error error), (error))
CIRCA_LAZY(libxlsxwriter, lxw_format*, workbook_add_format,
           (lxw_workbook * workbook), (workbook))
CIRCA_LAZY(libxlsxwriter, lxw_worksheet*, workbook_add_worksheet,
           (lxw_workbook * workbook, const char* sheetname),
           (workbook, sheetname))
CIRCA_LAZY(libxlsxwriter, lxw_error, workbook_close, (lxw_workbook * workbook),
           (workbook))
CIRCA_LAZY(libxlsxwriter, lxw_workbook*, workbook_new_opt,
           (const char* filename, lxw_workbook_options* options),
           (filename, options))
CIRCA_LAZY(libxlsxwriter, lxw_error, workbook_set_properties,
           (lxw_workbook * workbook, lxw_doc_properties* properties),
           (workbook, properties))
CIRCA_LAZY(libxlsxwriter, lxw_error, worksheet_set_column,
           (lxw_worksheet * worksheet, lxw_col_t first_col, lxw_col_t last_col,
            double width, lxw_format* format),
           (worksheet, first_col, last_col, width, format))
CIRCA_LAZY(libxlsxwriter, lxw_error, worksheet_write_comment,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col,
            const char* string),
           (worksheet, row, col, string))
CIRCA_LAZY(libxlsxwriter, lxw_error, worksheet_write_formula_num,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col,
            const char* formula, lxw_format* format, double result),
           (worksheet, row, col, formula, format, result))
CIRCA_LAZY(libxlsxwriter, lxw_error, worksheet_write_formula_str,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col,
            const char* formula, lxw_format* format, const char* result),
           (worksheet, row, col, formula, format, result))
CIRCA_LAZY(libxlsxwriter, lxw_error, worksheet_write_number,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col,
            double number, lxw_format* format),
           (worksheet, row, col, number, format))
CIRCA_LAZY(libxlsxwriter, lxw_error, worksheet_write_string,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col,
            const char* string, lxw_format* format),
           (worksheet, row, col, string, format))
