// File helpers (engine/io/file.cc): bounded reads, SHA-256, UTF-8 checks.
#include "io/file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace circa::io {
namespace {

using ::testing::ElementsAre;

TEST(Sha256Test, KnownVectors) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Utf8Test, ValidText) {
  int line = 0;
  int column = 0;
  EXPECT_TRUE(CheckUtf8("plain", &line, &column));
  EXPECT_TRUE(CheckUtf8("Société\n€ 1\u202F234", &line, &column));
  EXPECT_EQ(Utf8Length("Société"), 7);
  EXPECT_EQ(Utf8Length("€"), 1);
}

TEST(Utf8Test, FirstBadBytePosition) {
  int line = 0;
  int column = 0;
  EXPECT_FALSE(CheckUtf8("ab\ncd\xC3(", &line, &column));  // bad continuation
  EXPECT_EQ(line, 2);
  EXPECT_EQ(column, 3);
  EXPECT_FALSE(CheckUtf8("é\xC0\xAF", &line, &column));  // overlong '/'
  EXPECT_EQ(line, 1);
  EXPECT_EQ(column, 2);
  EXPECT_FALSE(CheckUtf8(std::string_view("a\0b", 3), &line, &column));  // NUL
  EXPECT_EQ(column, 2);
  EXPECT_FALSE(CheckUtf8("\xED\xA0\x80", &line, &column));  // surrogate
  EXPECT_FALSE(CheckUtf8("x\xE2\x82", &line, &column));     // truncated
  EXPECT_EQ(column, 2);
}

TEST(Utf8Test, StripBom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFid"), "id");
  EXPECT_EQ(StripBom("id"), "id");
  EXPECT_EQ(StripBom("\xEF\xBB"), "\xEF\xBB");
}

TEST(ReadFileTest, ReadsAndRefuses) {
  Diagnostics diag;
  const std::string path =
      circa_test::SourcePath("samples/office-furniture/bids.csv");
  const auto text = ReadFile(path, 1 << 20, &diag);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, circa_test::ReadText(path));

  EXPECT_FALSE(ReadFile(path, 10, &diag).has_value());
  EXPECT_FALSE(ReadFile(circa_test::SourcePath("no/such/file.csv"), 10, &diag)
                   .has_value());
  EXPECT_FALSE(
      ReadFile(circa_test::SourcePath("samples"), 10, &diag).has_value());
  const std::string size = std::to_string(std::filesystem::file_size(path));
  EXPECT_THAT(
      circa_test::Messages(diag.items()),
      ElementsAre(path + ": file is " + size + " bytes; the limit is 10 bytes",
                  circa_test::SourcePath("no/such/file.csv") +
                      ": cannot read file: no such file",
                  circa_test::SourcePath("samples") +
                      ": cannot read file: it is a directory"));
}

}  // namespace
}  // namespace circa::io
