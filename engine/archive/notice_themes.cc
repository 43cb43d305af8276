// What a published award criterion is about, from its text (docs/archive.md,
// "What counts as environmental, social or circular"). Notices have no
// strategies per criterion, so the market view reads the criterion's name
// and description for word stems in the languages of the notices circa
// meets (English, French, Dutch, German, the Scandinavian languages,
// Italian, Spanish). A criterion may have several themes; circular ones are
// also environmental.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "circa/archive.h"

namespace circa {
namespace {

// Lower-cases ASCII letters; other bytes (UTF-8) are kept, so stems with
// accents are written lower-case.
std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

constexpr std::array kCircular = {
    "circular",         "circulai",       "kreislauf",
    "sirkulær",         "cirkulär",       "cirkulær",
    "circolar",         "re-use",         "reuse",
    "hergebruik",       "réemploi",       "réutilis",
    "wiederverw",       "gjenbruk",       "återanvänd",
    "riutilizz",        "reutiliz",       "recycl",
    "gerecycl",         "riciclat",       "reciclad",
    "repair",           "reparat",        "réparab",
    "réparation",       "refurbish",      "remanufact",
    "lifespan",         "life span",      "life-span",
    "levensduur",       "durée de vie",   "lebensdauer",
    "levetid",          "livslängd",      "spare part",
    "pièces détachées", "reserveonderde", "ersatzteil",
    "take-back",        "terugname",      "second-hand",
    "tweedehands",
};

constexpr std::array kEnvironmental = {
    "environment",
    "environnement",
    "milieu",
    "umwelt",
    "miljø",
    "miljö",
    "ambiental",
    "ambientale",
    "climat",
    "klima",
    "climate",
    "co2",
    "co₂",
    "carbon",
    "koolstof",
    "emission",
    "émission",
    "uitstoot",
    "utslipp",
    "energy",
    "énergie",
    "energie",
    "energi",
    "ecolog",
    "écolog",
    "økolog",
    "ekolog",
    "ecolabel",
    "eco-label",
    "écolabel",
    "sustainab",
    "duurza",
    "nachhaltig",
    "bærekraft",
    "hållbar",
    "sostenib",
    "développement durable",
    "biodivers",
    "pollut",
    "fossil",
    "green",
    "groen",
    "grønn",
    "grön",
    "renewable",
    "renouvelable",
    "hernieuwba",
    "fuel",
    "carburant",
    "brandstof",
    "drivstoff",
    "electric vehic",
    "zero-emission",
    "nullutslipp",
    "utslippsfri",
};

constexpr std::array kSocial = {
    "social",
    "sociaal",
    "sociale",
    "sozial",
    "sosial",
    "employment",
    "emploi",
    "werkgelegenheid",
    "beschäftigung",
    "sysselsett",
    "apprentic",
    "apprenti",
    "lærling",
    "lärling",
    "leerling",
    "inclusi",
    "inklusi",
    "disab",
    "handicap",
    "accessibilit",
    "toegankelijkheid",
    "universell utforming",
    "fair trade",
    "fairtrade",
    "équitable",
    "working condition",
    "conditions de travail",
    "arbeidsvoorwaard",
    "arbeidsvilkår",
    "arbetsvillkor",
    "labour right",
    "labor right",
    "human right",
    "droits de l",
    "mensenrecht",
    "diversity",
    "diversité",
    "diversiteit",
    "ethic",
    "éthique",
    "ethisch",
    "long-term unemploy",
    "community benefit",
    "social value",
    "fair work",
    "wellbeing",
    "well-being",
};

template <std::size_t N>
bool Mentions(const std::string& text,
              const std::array<const char*, N>& stems) {
  for (const char* stem : stems) {
    if (text.find(stem) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> NoticeThemes(std::string_view text) {
  const std::string t = Lower(text);
  std::vector<std::string> out;
  const bool circular = Mentions(t, kCircular);
  if (circular || Mentions(t, kEnvironmental)) out.push_back("environmental");
  if (Mentions(t, kSocial)) out.push_back("social");
  if (circular) out.push_back("circular");
  return out;
}

}  // namespace circa
