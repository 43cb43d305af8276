// The message catalogues, read from the ICU package embedded in the binary
// (messages.h). Each language's bundle is read once into an immutable
// table of compiled patterns, shared by every thread.
#include "explain/messages.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "circa/format.h"

namespace circa {

std::string_view ToString(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kDutch:
      return "nl";
    case Language::kFrench:
      return "fr";
  }
  return "en";
}

std::optional<Language> LanguageFromString(std::string_view code) {
  if (code == "en") return Language::kEnglish;
  if (code == "nl") return Language::kDutch;
  if (code == "fr") return Language::kFrench;
  return std::nullopt;
}

namespace explain {

// The ICU common-data package made from engine/explain/messages/*.txt
// (generated: cmake/Messages.cmake).
extern const unsigned char kMessageData[];

namespace {

constexpr const char* kPackage = "circamsg";
constexpr std::size_t kLanguages = 3;

// A compiled pattern: literal text, an argument, the count of the
// enclosing plural ("#"), or a choice (plural, selectordinal, select)
// among sub-messages.
struct Item;
using Items = std::vector<Item>;
struct Branch {
  std::string keyword;       // "one", "other", a select value; "" when explicit
  bool is_explicit = false;  // "=N"
  double value = 0;          // N of "=N"
  Items items;
};
struct Item {
  enum class Kind { kText, kArgument, kPound, kPlural, kOrdinal, kSelect };
  Kind kind = Kind::kText;
  std::string text;  // kText: the text; otherwise the argument's name
  std::vector<Branch> branches;
};

// Compiled when first asked for (Catalogue::Find): a `circa score` uses a
// few dozen of the catalogue's hundreds of patterns.
// The key and the pattern are the bundle's own text (the embedded package,
// static data): a catalogue opens without copying them.
struct Message {
  std::string_view key;
  icu::UnicodeString pattern;  // a read-only alias
  // Set (release) once compiled. Not a std::once_flag: glibc's
  // pthread_once makes a futex system call after every first run, a few
  // dozen of them per `circa score` (issue 18).
  std::atomic<bool> compiled{false};
  bool parsed = false;  // after `compiled`: the pattern parses
  Items items;
  std::vector<std::string> arguments;
  std::vector<std::string> counts;  // arguments a plural or ordinal chooses by
  std::vector<std::string> problems;  // what the messages test reports
};

const char* BundleName(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kDutch:
      return "nl";
    case Language::kFrench:
      return "fr";
  }
  return "en";
}

const char* LocaleName(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kDutch:
      return "nl_BE";
    case Language::kFrench:
      return "fr_BE";
  }
  return "en";
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

void RegisterPackage() {
  static const bool registered = [] {
    UErrorCode status = U_ZERO_ERROR;
    udata_setAppData(kPackage, kMessageData, &status);
    assert(U_SUCCESS(status));
    return U_SUCCESS(status);
  }();
  (void)registered;
}

// Compiles the message whose MSG_START is part `start` into `out`, as
// icu::MessageFormat::format walks it; returns the index of its MSG_LIMIT.
int32_t Compile(const icu::MessagePattern& mp, int32_t start, Items* out) {
  const icu::UnicodeString& pattern = mp.getPatternString();
  icu::UnicodeString literal;
  const auto flush = [&] {
    if (!literal.isEmpty()) {
      out->push_back({Item::Kind::kText, Utf8(literal), {}});
    }
    literal.remove();
  };
  int32_t prev = mp.getPart(start).getLimit();
  for (int32_t i = start + 1;; ++i) {
    const icu::MessagePattern::Part& part = mp.getPart(i);
    const UMessagePatternPartType type = part.getType();
    literal.append(pattern, prev, part.getIndex() - prev);
    if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) {
      flush();
      return i;
    }
    prev = part.getLimit();
    // A lone apostrophe ("bid's") stays in the text; its INSERT_CHAR part
    // (length 0) only tells a re-quoter to double it, and
    // icu::MessageFormat::format skips it as it skips SKIP_SYNTAX.
    if (type == UMSGPAT_PART_TYPE_SKIP_SYNTAX ||
        type == UMSGPAT_PART_TYPE_INSERT_CHAR) {
      continue;
    }
    if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
      flush();
      out->push_back({Item::Kind::kPound, "", {}});
      continue;
    }
    if (type != UMSGPAT_PART_TYPE_ARG_START) continue;
    flush();
    const UMessagePatternArgType arg_type = part.getArgType();
    const int32_t limit = mp.getLimitPartIndex(i);
    Item item;
    item.text = Utf8(mp.getSubstring(mp.getPart(i + 1)));
    switch (arg_type) {
      case UMSGPAT_ARG_TYPE_NONE:
        item.kind = Item::Kind::kArgument;
        break;
      case UMSGPAT_ARG_TYPE_PLURAL:
        item.kind = Item::Kind::kPlural;
        break;
      case UMSGPAT_ARG_TYPE_SELECTORDINAL:
        item.kind = Item::Kind::kOrdinal;
        break;
      case UMSGPAT_ARG_TYPE_SELECT:
        item.kind = Item::Kind::kSelect;
        break;
      default:
        // number, date, choice ...: not used by the catalogues (the
        // messages test refuses them).
        item.kind = Item::Kind::kArgument;
        break;
    }
    if (item.kind != Item::Kind::kArgument) {
      for (int32_t k = i + 2; k < limit;) {
        const icu::MessagePattern::Part& selector = mp.getPart(k);
        if (selector.getType() != UMSGPAT_PART_TYPE_ARG_SELECTOR) {
          ++k;  // an offset: not used by the catalogues
          continue;
        }
        Branch branch;
        branch.keyword = Utf8(mp.getSubstring(selector));
        ++k;
        if (mp.getPart(k).getType() == UMSGPAT_PART_TYPE_ARG_INT ||
            mp.getPart(k).getType() == UMSGPAT_PART_TYPE_ARG_DOUBLE) {
          branch.is_explicit = true;
          branch.value = mp.getNumericValue(mp.getPart(k));
          ++k;
        }
        k = Compile(mp, k, &branch.items) + 1;
        item.branches.push_back(std::move(branch));
      }
    }
    out->push_back(std::move(item));
    i = limit;
    prev = mp.getPart(i).getLimit();
  }
}

// Parses the message's pattern into its items, argument names and counts.
void CompileMessage(Message* m) {
  UParseError where;
  UErrorCode parsed = U_ZERO_ERROR;
  icu::MessagePattern mp(m->pattern, &where, parsed);
  if (U_FAILURE(parsed)) {
    // tests/explain/messages_test.cc: every pattern parses.
    m->problems.push_back(std::string(m->key) + ": " + u_errorName(parsed) +
                          " at offset " + std::to_string(where.offset));
    return;
  }
  for (int32_t i = 0; i < mp.countParts(); ++i) {
    if (mp.getPart(i).getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      const std::string name = Utf8(mp.getSubstring(mp.getPart(i)));
      const UMessagePatternArgType type = mp.getPart(i - 1).getArgType();
      if (type == UMSGPAT_ARG_TYPE_PLURAL ||
          type == UMSGPAT_ARG_TYPE_SELECTORDINAL) {
        m->counts.push_back(name);
      }
      if (type != UMSGPAT_ARG_TYPE_NONE && type != UMSGPAT_ARG_TYPE_PLURAL &&
          type != UMSGPAT_ARG_TYPE_SELECTORDINAL &&
          type != UMSGPAT_ARG_TYPE_SELECT) {
        m->problems.push_back(std::string(m->key) + ": argument " + name +
                              " has a type the formatter does not support");
      }
      if (std::find(m->arguments.begin(), m->arguments.end(), name) ==
          m->arguments.end()) {
        m->arguments.push_back(name);
      }
    }
  }
  std::sort(m->arguments.begin(), m->arguments.end());
  Compile(mp, 0, &m->items);
  m->parsed = true;
}

}  // namespace

namespace {

// Equal texts, compared inline: the names compared here are a few bytes
// long, where a call to memcmp costs more than the comparison.
bool SameText(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

// Heterogeneous lookup: a key is found without building a std::string.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const {
    return std::hash<std::string_view>{}(key);
  }
};

struct Messages::Catalogue {
  icu::Locale locale;
  // CLDR's plural and ordinal rules of the language (const use only).
  std::unique_ptr<icu::PluralRules> cardinal;
  std::unique_ptr<icu::PluralRules> ordinal;
  // Sized once when opened: a Message (its atomic flag) never moves.
  // Mutable: compiled on first use.
  mutable std::vector<Message> messages;
  mutable std::mutex compiling;
  std::unordered_map<std::string_view, std::size_t, KeyHash> index;
  // Open while the catalogue lives: the keys and patterns point into it.
  UResourceBundle* bundle = nullptr;
  ~Catalogue() {
    if (bundle != nullptr) ures_close(bundle);
  }

  // The message, compiled; none when the key is unknown or its pattern
  // does not parse. Safe from any thread: a message is compiled once,
  // under `compiling`, and read after its flag is seen set.
  const Message* Find(std::string_view key) const {
    const auto it = index.find(key);
    return it == index.end() ? nullptr : Compiled(it->second);
  }
  const Message* Compiled(std::size_t i) const {
    Message& m = messages[i];
    if (!m.compiled.load(std::memory_order_acquire)) {
      const std::lock_guard<std::mutex> lock(compiling);
      if (!m.compiled.load(std::memory_order_relaxed)) {
        CompileMessage(&m);
        m.compiled.store(true, std::memory_order_release);
      }
    }
    return m.parsed ? &m : nullptr;
  }

  // Find for the formatter, which asks for the same few keys once or more
  // per sentence of a report: each thread remembers where it last found a
  // key, by the address and length of the key's text (the call sites pass
  // literals), so a report looks each key up in the table about once. A
  // remembered entry is used only when the key's characters are the same
  // (a comparison of a few bytes), so a key built at run time whose
  // buffer reuses an address is still found right.
  const Message* FindFast(std::string_view key) const {
    struct Seen {
      const Catalogue* catalogue = nullptr;
      const char* data = nullptr;
      std::size_t size = 0;
      const Message* message = nullptr;
    };
    constexpr std::size_t kSlots = 512;  // a power of two
    thread_local std::array<Seen, kSlots> seen{};
    const auto address = reinterpret_cast<std::uintptr_t>(key.data());
    Seen& slot =
        seen[((address >> 3) ^ (address >> 12) ^ key.size()) & (kSlots - 1)];
    if (slot.catalogue == this && slot.data == key.data() &&
        slot.size == key.size() && SameText(slot.message->key, key)) {
      return slot.message;
    }
    const Message* m = Find(key);
    if (m != nullptr) slot = Seen{this, key.data(), key.size(), m};
    return m;
  }
};

Messages::Messages(Language language)
    : language_(language), catalogue_(std::make_unique<Catalogue>()) {
  RegisterPackage();
  catalogue_->locale = icu::Locale(LocaleName(language));
  UErrorCode status = U_ZERO_ERROR;
  catalogue_->cardinal.reset(icu::PluralRules::forLocale(
      catalogue_->locale, UPLURAL_TYPE_CARDINAL, status));
  catalogue_->ordinal.reset(icu::PluralRules::forLocale(
      catalogue_->locale, UPLURAL_TYPE_ORDINAL, status));
  assert(U_SUCCESS(status));
  // Start-up time (issue 18): one table of the bundle's size, one
  // resource object reused to walk it, keys and patterns not copied.
  UResourceBundle* bundle =
      ures_openDirect(kPackage, BundleName(language), &status);
  assert(U_SUCCESS(status));
  if (U_FAILURE(status)) return;
  catalogue_->bundle = bundle;
  const auto size = static_cast<std::size_t>(ures_getSize(bundle));
  catalogue_->messages = std::vector<Message>(size);
  catalogue_->index.reserve(size);
  UResourceBundle* item = nullptr;
  ures_resetIterator(bundle);
  std::size_t read = 0;
  for (; read < size && ures_hasNext(bundle); ++read) {
    item = ures_getNextResource(bundle, item, &status);
    int32_t length = 0;
    const UChar* text = ures_getString(item, &length, &status);
    if (U_FAILURE(status)) break;
    Message& m = catalogue_->messages[read];
    m.key = ures_getKey(item);
    m.pattern.setTo(false, text, length);
    catalogue_->index.emplace(m.key, read);
  }
  ures_close(item);
  assert(read == size);
  if (read != size) {  // not a table of strings: no catalogue
    catalogue_->messages.clear();
    catalogue_->index.clear();
  }
}

Messages::~Messages() = default;

const Messages& Messages::Of(Language language) {
  // Each language's catalogue is compiled when first asked for: a report in
  // English does not pay for the Dutch and French ones (two thirds of the
  // catalogue time of a `circa score` start).
  static std::array<std::once_flag, kLanguages> once;
  static std::array<const Messages*, kLanguages> all{};
  const auto i = static_cast<std::size_t>(language);
  std::call_once(once[i], [i, language] { all[i] = new Messages(language); });
  return *all[i];
}

namespace {

const Arg* FindArg(std::initializer_list<Arg> args, std::string_view name) {
  for (const Arg& a : args) {
    if (SameText(a.name, name)) return &a;
  }
  return nullptr;
}

// The plural or ordinal keyword of `n` ("one", "other"), as rules->select
// gives it; the small counts' keywords are remembered per thread (a tie
// note of every bid asks for one).
const std::string& Keyword(const icu::PluralRules* rules, std::int64_t n) {
  constexpr std::int64_t kKept = 256;
  struct Kept {
    const icu::PluralRules* rules = nullptr;
    std::array<std::string, kKept> keywords;
  };
  thread_local std::array<Kept, 2 * kLanguages> kept;
  thread_local std::string scratch;
  if (n >= 0 && n < kKept) {
    for (Kept& k : kept) {
      if (k.rules != rules && k.rules != nullptr) continue;
      k.rules = rules;
      std::string& keyword = k.keywords[static_cast<std::size_t>(n)];
      if (keyword.empty()) {
        Utf8(rules->select(static_cast<double>(n))).swap(keyword);
      }
      return keyword;
    }
  }
  Utf8(rules->select(static_cast<double>(n))).swap(scratch);
  return scratch;
}

// The count of `a` as ICU writes "#": grouped in the language's convention.
std::string Pound(const Arg* a, Language language) {
  return LocalizeNumber(
      FormatNumber(a == nullptr ? 0.0 : static_cast<double>(a->count), 0),
      language);
}

const Branch* Choose(const Item& item, const Arg* a,
                     const icu::PluralRules* rules) {
  const Branch* other = nullptr;
  if (item.kind == Item::Kind::kSelect) {
    const std::string_view value = a != nullptr ? a->text : "";
    for (const Branch& b : item.branches) {
      if (SameText(b.keyword, value)) return &b;
      if (SameText(b.keyword, "other")) other = &b;
    }
    return other;
  }
  const std::int64_t n = a != nullptr ? a->count : 0;
  for (const Branch& b : item.branches) {
    if (b.is_explicit && b.value == static_cast<double>(n)) return &b;
  }
  const std::string_view keyword =
      rules != nullptr ? std::string_view(Keyword(rules, n)) : "other";
  for (const Branch& b : item.branches) {
    if (b.is_explicit) continue;
    if (SameText(b.keyword, keyword)) return &b;
    if (SameText(b.keyword, "other")) other = &b;
  }
  return other;
}

}  // namespace

void Messages::Format(std::string* out, const void* items_ptr,
                      std::initializer_list<Arg> args, const Arg* pound) const {
  const Items& items = *static_cast<const Items*>(items_ptr);
  for (const Item& item : items) {
    switch (item.kind) {
      case Item::Kind::kText:
        out->append(item.text);
        break;
      case Item::Kind::kPound:
        out->append(Pound(pound, language_));
        break;
      case Item::Kind::kArgument: {
        const Arg* a = FindArg(args, item.text);
        assert(a != nullptr && "message argument not given");
        if (a == nullptr) break;
        if (a->is_count) {
          out->append(std::to_string(a->count));
        } else {
          out->append(a->text);
        }
        break;
      }
      case Item::Kind::kPlural:
      case Item::Kind::kOrdinal:
      case Item::Kind::kSelect: {
        const Arg* a = FindArg(args, item.text);
        assert(a != nullptr && "message argument not given");
        const Branch* b = Choose(item, a,
                                 item.kind == Item::Kind::kOrdinal
                                     ? catalogue_->ordinal.get()
                                     : catalogue_->cardinal.get());
        if (b != nullptr) {
          Format(out, &b->items, args,
                 item.kind == Item::Kind::kSelect ? pound : a);
        }
        break;
      }
    }
  }
}

void Messages::Append(std::string* out, std::string_view key,
                      std::initializer_list<Arg> args) const {
  const Message* m = catalogue_->FindFast(key);
  assert(m != nullptr && "message key missing from the catalogue");
  if (m == nullptr) {
    out->append(key);
    return;
  }
  Format(out, &m->items, args, nullptr);
}

std::string Messages::FormatWithIcu(std::string_view key,
                                    std::initializer_list<Arg> args) const {
  const Message* m = catalogue_->Find(key);
  if (m == nullptr) return std::string(key);
  UErrorCode status = U_ZERO_ERROR;
  const icu::MessageFormat f(m->pattern, catalogue_->locale, status);
  if (U_FAILURE(status)) return std::string(key);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const Arg& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(
        icu::StringPiece(a.name.data(), static_cast<int32_t>(a.name.size()))));
    if (a.is_count) {
      values.emplace_back(static_cast<int64_t>(a.count));
    } else {
      values.emplace_back(icu::UnicodeString::fromUTF8(icu::StringPiece(
          a.text.data(), static_cast<int32_t>(a.text.size()))));
    }
  }
  icu::UnicodeString result;
  f.format(names.data(), values.data(), static_cast<int32_t>(names.size()),
           result, status);
  return U_FAILURE(status) ? std::string(key) : Utf8(result);
}

std::string Messages::operator()(std::string_view key,
                                 std::initializer_list<Arg> args) const {
  std::string out;
  Append(&out, key, args);
  return out;
}

std::string LocalizeNumber(std::string s, Language language) {
  switch (language) {
    case Language::kEnglish:
      return s;
    case Language::kDutch:
      for (char& c : s) {
        if (c == ',') {
          c = '.';
        } else if (c == '.') {
          c = ',';
        }
      }
      return s;
    case Language::kFrench: {
      std::string out;
      out.reserve(s.size() + 8);
      for (const char c : s) {
        if (c == ',') {
          out += "\u202F";
        } else if (c == '.') {
          out += ',';
        } else {
          out += c;
        }
      }
      return out;
    }
  }
  return s;
}

std::string Messages::Number(double value, int decimals) const {
  return LocalizeNumber(FormatNumber(value, decimals), language_);
}

namespace {

// The known time units as an id of the "unit.time" choice, from how a set
// writes them in any of the three languages; empty for any other unit.
std::string_view TimeUnit(std::string_view unit) {
  struct Known {
    std::string_view written;
    std::string_view id;
  };
  static constexpr Known kKnown[] = {
      {"year", "year"},
      {"years", "year"},
      {"jaar", "year"},
      {"jaren", "year"},
      {"an", "year"},
      {"ans", "year"},
      {"année", "year"},
      {"années", "year"},
      {"month", "month"},
      {"months", "month"},
      {"maand", "month"},
      {"maanden", "month"},
      {"mois", "month"},
      {"week", "week"},
      {"weeks", "week"},
      {"weken", "week"},
      {"semaine", "week"},
      {"semaines", "week"},
      {"day", "day"},
      {"days", "day"},
      {"dag", "day"},
      {"dagen", "day"},
      {"jour", "day"},
      {"jours", "day"},
      {"hour", "hour"},
      {"hours", "hour"},
      {"uur", "hour"},
      {"uren", "hour"},
      {"heure", "hour"},
      {"heures", "hour"},
      {"days per week", "days_per_week"},
  };
  for (const Known& k : kKnown) {
    if (k.written == unit) return k.id;
  }
  return {};
}

// The plural category's count for a value: the value itself when whole,
// else 2 (every language here says "1,5 jaar", "2,5 months" in the plural
// or the same form).
std::int64_t PluralCount(double value) {
  const double whole = std::floor(value);
  if (whole == value && std::abs(value) < 1e15) {
    return static_cast<std::int64_t>(whole);
  }
  return 2;
}

}  // namespace

std::string Messages::Quantity(const std::string& number, double value,
                               std::string_view unit) const {
  if (unit.empty()) return number;
  if (unit == "%") return (*this)("value.percent", {{"value", number}});
  const std::string_view id = TimeUnit(unit);
  if (id.empty()) {
    return (*this)("value.unit", {{"value", number}, {"unit", unit}});
  }
  return (*this)("unit.time",
                 {{"unit", id}, {"n", PluralCount(value)}, {"value", number}});
}

std::string Messages::UnitName(std::string_view unit) const {
  const std::string_view id = TimeUnit(unit);
  if (id.empty()) return std::string(unit);
  return (*this)("unit.name", {{"unit", id}});
}

std::string Messages::Ordinal(int n) const {
  // last2: the last two digits, which the Dutch forms depend on (1ste, 2de,
  // 8ste, 20ste, 100ste); digits: n without grouping.
  const auto format = [this](int k) {
    return (*this)(
        "ordinal",
        {{"n", k}, {"last2", k % 100}, {"digits", std::to_string(k)}});
  };
  // Every bid's summary has one: the small ones are formatted once per
  // thread.
  constexpr int kCached = 4096;
  if (n < 0 || n >= kCached) return format(n);
  thread_local std::array<std::vector<std::string>, kLanguages> cache;
  auto& forms = cache[static_cast<std::size_t>(language_)];
  if (forms.empty()) forms.resize(kCached);
  std::string& form = forms[static_cast<std::size_t>(n)];
  if (form.empty()) form = format(n);
  return form;
}

std::vector<std::string> Messages::Keys() const {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < catalogue_->messages.size(); ++i) {
    const Message* m = catalogue_->Compiled(i);
    if (m != nullptr) keys.emplace_back(m->key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<std::string> Messages::CountArguments(std::string_view key) const {
  const Message* m = catalogue_->Find(key);
  return m == nullptr ? std::vector<std::string>{} : m->counts;
}

std::vector<std::string> Messages::Problems() const {
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < catalogue_->messages.size(); ++i) {
    catalogue_->Compiled(i);
    const Message& m = catalogue_->messages[i];
    problems.insert(problems.end(), m.problems.begin(), m.problems.end());
  }
  return problems;
}

std::vector<std::string> Messages::ArgumentNames(std::string_view key) const {
  const Message* m = catalogue_->Find(key);
  return m == nullptr ? std::vector<std::string>{} : m->arguments;
}

}  // namespace explain
}  // namespace circa
