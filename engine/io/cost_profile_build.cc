// The one check of a cost profile (docs/lcc.md): a CostValue tree filled by
// the YAML or the CSV reader -> CostProfile, with every yearly line
// resolved to money and every problem reported at the position of the
// value it concerns, with its field path and what was expected.
#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "io/cost_profile_input.h"
#include "io/error_cap.h"
#include "io/numbers.h"
#include "io/units.h"
#include "util/number_format.h"
#include "util/suggest.h"

namespace circa::io {

const CostValue* CostValue::Find(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const Entry& e : entries) {
    if (e.key.kind == Kind::kText && e.key.text == key) return e.value.get();
  }
  return nullptr;
}

CostValuePtr CostText(std::string text, CostPos where) {
  auto v = std::make_shared<CostValue>();
  v->kind = CostValue::Kind::kText;
  v->text = std::move(text);
  v->where = where;
  return v;
}

namespace {

// A value that may be missing (nullptr) is read through these.
using V = const CostValue*;

bool Absent(V v) { return v == nullptr || v->is_null(); }
bool IsMap(V v) { return v != nullptr && v->is_map(); }
bool IsList(V v) { return v != nullptr && v->is_list(); }
std::size_t Size(V v) {
  if (v == nullptr) return 0;
  return v->is_list() ? v->items.size() : v->entries.size();
}
V At(V list, std::size_t i) { return list->items[i].get(); }
V Get(V map, std::string_view key) {
  return map == nullptr ? nullptr : map->Find(key);
}

std::string Join(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return path + "." + std::string(key);
}

std::string DescribeKind(CostValue::Kind kind) {
  switch (kind) {
    case CostValue::Kind::kMap:
      return "a map";
    case CostValue::Kind::kList:
      return "a list";
    default:
      return "nothing";
  }
}

// "a map", "a list", "\"-5\"": how a value is named in a message.
std::string Describe(V v) {
  if (v == nullptr || !v->is_text()) {
    return DescribeKind(v == nullptr ? CostValue::Kind::kNull : v->kind);
  }
  std::string s = v->text;
  if (s.size() > 40) {
    // Cut at a character boundary: never split a UTF-8 sequence.
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    s = s.substr(0, cut) + "...";
  }
  return "\"" + s + "\"";
}

// Reads fields of one profile, adding located diagnostics.
class Fields {
 public:
  Fields(std::string file, Diagnostics* diag)
      : file_(std::move(file)), diag_(diag) {}

  SourceLocation Where(V v) const {
    if (v == nullptr) return {file_, 0, 0};
    return {file_, v->where.line, v->where.column};
  }
  SourceLocation Where(const CostValue::Key& key) const {
    return {file_, key.where.line, key.where.column};
  }
  void Error(V v, const std::string& path, std::string message) const {
    diag_->Error(Where(v), path, std::move(message));
  }
  void Error(const CostValue::Key& key, const std::string& path,
             std::string message) const {
    diag_->Error(Where(key), path, std::move(message));
  }

  // Errors for keys not in `allowed` (with a suggestion) and duplicates.
  void CheckKeys(V map, const std::string& path,
                 std::initializer_list<std::string_view> allowed) const {
    std::set<std::string> seen;
    for (const CostValue::Entry& e : map->entries) {
      if (e.key.kind != CostValue::Kind::kText) {
        Error(e.key, path,
              "expected a plain key, got " + DescribeKind(e.key.kind));
        continue;
      }
      const std::string& name = e.key.text;
      if (!seen.insert(name).second) {
        Error(e.key, Join(path, name), "duplicate key");
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string message = "unknown key";
        const std::string hint = util::Suggest(name, allowed);
        if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
        Error(e.key, Join(path, name), message);
      }
    }
  }

  std::optional<std::string> String(V map, std::string_view key,
                                    const std::string& path,
                                    bool required) const {
    const V v = Get(map, key);
    if (Absent(v)) {
      if (required)
        Error(map, Join(path, key), "missing; expected a text value");
      return std::nullopt;
    }
    if (!v->is_text()) {
      Error(v, Join(path, key), "expected a text value, got " + Describe(v));
      return std::nullopt;
    }
    return v->text;
  }

  // A value as a number; reports "expected <what>".
  std::optional<double> NumberOf(V v, const std::string& path,
                                 std::string_view what) const {
    double value = 0;
    if (v == nullptr || !v->is_text() || !ParsePlainNumber(v->text, &value)) {
      Error(v, path, "expected " + std::string(what) + ", got " + Describe(v));
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> Number(V map, std::string_view key,
                               const std::string& path, bool required) const {
    const V v = Get(map, key);
    if (Absent(v)) {
      if (required) Error(map, Join(path, key), "missing; expected a number");
      return std::nullopt;
    }
    return NumberOf(v, Join(path, key), "a number");
  }

  std::optional<bool> Bool(V map, std::string_view key,
                           const std::string& path) const {
    const V v = Get(map, key);
    if (Absent(v)) return std::nullopt;
    if (v->is_text()) {
      if (v->text == "true" || v->text == "yes") return true;
      if (v->text == "false" || v->text == "no") return false;
    }
    Error(v, Join(path, key), "expected true or false, got " + Describe(v));
    return std::nullopt;
  }

  const std::string& file() const { return file_; }
  Diagnostics* diag() const { return diag_; }

 private:
  std::string file_;
  Diagnostics* diag_;
};

constexpr std::string_view kRateExpected =
    "a discount rate between 0 and 1 (e.g. 0.04 for 4 %)";

class CostProfileReader {
 public:
  CostProfileReader(const std::string& file, Diagnostics* diag,
                    const CostProfileOptions& options)
      : r_(file, diag), options_(options) {}

  CostProfile Read(V root) {
    CostProfile p;
    p.source = r_.file();
    if (!IsMap(root)) {
      r_.Error(root, "",
               "expected a cost profile (a map with circa, horizon, "
               "discount-rate and offers), got " +
                   Describe(root));
      return p;
    }
    r_.CheckKeys(
        root, "",
        {"circa", "id", "title", "currency", "horizon", "discount-rate",
         "residual-rule", "usage", "prices", "shadow-prices", "offers"});
    if (const auto format = r_.Number(root, "circa", "", true)) {
      if (*format != 1) {
        r_.Error(Get(root, "circa"), "circa",
                 "unsupported format version " + Get(root, "circa")->text +
                     "; this circa reads format 1");
      }
    }
    p.id = r_.String(root, "id", "", false).value_or("");
    p.title = r_.String(root, "title", "", false).value_or("");
    p.currency = r_.String(root, "currency", "", false).value_or("EUR");
    currency_ = p.currency;
    ReadHorizon(root, &p);
    ReadRate(root, &p);
    if (const auto rule = r_.String(root, "residual-rule", "", false)) {
      if (*rule == "linear") {
        p.residual_rule = ResidualRule::kLinear;
      } else if (*rule == "none") {
        p.residual_rule = ResidualRule::kNone;
      } else {
        r_.Error(Get(root, "residual-rule"), "residual-rule",
                 "expected linear or none, got " +
                     Describe(Get(root, "residual-rule")));
      }
    }
    p.usage = ReadUsage(Get(root, "usage"));
    p.prices = ReadPrices(Get(root, "prices"), "prices");
    p.shadow_prices = ReadPrices(Get(root, "shadow-prices"), "shadow-prices");
    prices_ = &p.prices;
    shadow_prices_ = &p.shadow_prices;
    usage_ = &p.usage;
    V offers = Get(root, "offers");
    if (Absent(offers)) {
      r_.Error(root, "offers", "missing; expected a list of offers");
    } else if (!IsList(offers) || Size(offers) == 0) {
      r_.Error(offers, "offers",
               "expected a non-empty list of offers, got " + Describe(offers));
    } else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < Size(offers); ++i) {
        // Thousands of broken offers: stop at the error cap.
        if (io::ErrorsFull(*r_.diag(), options_.max_errors)) {
          r_.diag()->Error({r_.file(), 0, 0}, "",
                           io::TooManyErrors(options_.max_errors));
          break;
        }
        CostOffer o = ReadOffer(At(offers, i), i);
        if (!o.id.empty() && !ids.insert(o.id).second) {
          r_.Error(Get(At(offers, i), "id"),
                   "offers[" + std::to_string(i) + "].id",
                   "offer id \"" + o.id + "\" is used twice");
        }
        p.offers.push_back(std::move(o));
      }
    }
    return p;
  }

 private:
  void ReadHorizon(V root, CostProfile* p) {
    const std::string expected =
        "the horizon in years (a whole number from "
        "1 to " +
        std::to_string(options_.max_horizon) + ")";
    V node = Get(root, "horizon");
    if (Absent(node)) {
      r_.Error(root, "horizon", "missing; expected " + expected);
      return;
    }
    const auto n = r_.NumberOf(node, "horizon", expected);
    if (!n) return;
    if (*n < 1 || *n > options_.max_horizon || *n != std::floor(*n)) {
      r_.Error(node, "horizon",
               "expected " + expected + ", got " + Describe(node));
      return;
    }
    p->horizon = static_cast<int>(*n);
    horizon_ = p->horizon;
  }

  void ReadRate(V root, CostProfile* p) {
    V node = Get(root, "discount-rate");
    if (Absent(node)) {
      r_.Error(root, "discount-rate",
               "missing; expected " + std::string(kRateExpected));
      return;
    }
    const auto r = r_.NumberOf(node, "discount-rate", kRateExpected);
    if (!r) return;
    if (!(*r >= 0 && *r < 1)) {
      r_.Error(
          node, "discount-rate",
          "expected " + std::string(kRateExpected) + ", got " + Describe(node));
      return;
    }
    p->discount_rate = *r;
  }

  // A number >= 0 (`what` names it in messages).
  std::optional<double> NonNegative(V node, const std::string& path,
                                    const std::string& what) {
    const auto v = r_.NumberOf(node, path, what);
    if (!v) return std::nullopt;
    if (!std::isfinite(*v) || *v < 0) {
      r_.Error(node, path, "expected " + what + ", got " + Describe(node));
      return std::nullopt;
    }
    return v;
  }

  std::string Amount() const { return "an amount >= 0 in " + currency_; }

  // A number (every year the same) or a list of one number per year.
  std::optional<std::vector<double>> Series(V node, const std::string& path,
                                            const std::string& what) {
    const std::size_t n = static_cast<std::size_t>(horizon_);
    if (IsList(node)) {
      if (horizon_ > 0 && Size(node) != n) {
        r_.Error(node, path,
                 "expected " + what + " or a list of " + std::to_string(n) +
                     " (one per year of the horizon), got a list of " +
                     std::to_string(Size(node)));
        return std::nullopt;
      }
      std::vector<double> out;
      bool ok = true;
      for (std::size_t t = 0; t < Size(node); ++t) {
        const auto v = NonNegative(At(node, t),
                                   path + "[" + std::to_string(t) + "]", what);
        ok = ok && v.has_value();
        out.push_back(v.value_or(0));
      }
      if (!ok) return std::nullopt;
      return out;
    }
    const auto v = NonNegative(node, path, what);
    if (!v) return std::nullopt;
    return std::vector<double>(n, *v);
  }

  const money::Unit* ReadUnit(V node, const std::string& path,
                              std::string_view text) {
    const money::Unit* unit = money::FindUnit(text);
    if (unit == nullptr) {
      std::string message = "unknown unit \"" + std::string(text) +
                            "\"; expected one of " + money::UnitList();
      const std::string hint =
          util::Suggest(std::string(text), money::UnitNames());
      if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
      r_.Error(node, path, message);
    }
    return unit;
  }

  std::vector<UsageDriver> ReadUsage(V node) {
    std::vector<UsageDriver> out;
    if (Absent(node)) return out;
    if (!IsMap(node)) {
      r_.Error(
          node, "usage",
          "expected a map {driver: {quantity, unit}}, got " + Describe(node));
      return out;
    }
    std::set<std::string> seen;
    for (const CostValue::Entry& kv : node->entries) {
      const std::string name = kv.key.text;
      const std::string path = "usage." + name;
      if (!seen.insert(name).second) {
        r_.Error(kv.key, path, "duplicate key");
        continue;
      }
      V v = kv.value.get();
      if (!IsMap(v)) {
        r_.Error(v, path,
                 "expected a map {quantity, unit}, got " + Describe(v));
        continue;
      }
      r_.CheckKeys(v, path, {"quantity", "unit", "source"});
      UsageDriver d;
      d.name = name;
      d.where = r_.Where(kv.key);
      if (Get(v, "quantity") == nullptr) {
        r_.Error(v, path + ".quantity",
                 "missing; expected a quantity per year");
      } else if (auto q = Series(Get(v, "quantity"), path + ".quantity",
                                 "a quantity >= 0")) {
        d.quantity = std::move(*q);
      }
      if (const auto unit = r_.String(v, "unit", path, true)) {
        if (ReadUnit(Get(v, "unit"), path + ".unit", *unit) != nullptr) {
          d.unit = *unit;
        }
      }
      out.push_back(std::move(d));
    }
    return out;
  }

  std::vector<CostPrice> ReadPrices(V node, const std::string& section) {
    std::vector<CostPrice> out;
    if (Absent(node)) return out;
    if (!IsMap(node)) {
      r_.Error(node, section,
               "expected a map {name: {price, unit}}, got " + Describe(node));
      return out;
    }
    std::set<std::string> seen;
    for (const CostValue::Entry& kv : node->entries) {
      const std::string name = kv.key.text;
      const std::string path = section + "." + name;
      if (!seen.insert(name).second) {
        r_.Error(kv.key, path, "duplicate key");
        continue;
      }
      V v = kv.value.get();
      if (!IsMap(v)) {
        r_.Error(v, path,
                 "expected a map {price, unit, source}, got " + Describe(v));
        continue;
      }
      r_.CheckKeys(v, path, {"price", "unit", "source"});
      CostPrice c;
      c.name = name;
      c.where = r_.Where(kv.key);
      c.source = r_.String(v, "source", path, false).value_or("");
      if (Get(v, "price") == nullptr) {
        r_.Error(v, path + ".price", "missing; expected " + Amount());
      } else if (auto price =
                     NonNegative(Get(v, "price"), path + ".price", Amount())) {
        c.price = *price;
      }
      if (const auto unit = r_.String(v, "unit", path, true)) {
        const std::string prefix = currency_ + "/";
        if (unit->rfind(prefix, 0) != 0) {
          r_.Error(Get(v, "unit"), path + ".unit",
                   "expected a price unit " + currency_ + "/<unit>, e.g. " +
                       currency_ + "/kWh, got " + Describe(Get(v, "unit")));
        } else if (ReadUnit(Get(v, "unit"), path + ".unit",
                            unit->substr(prefix.size())) != nullptr) {
          c.unit = unit->substr(prefix.size());
        }
      }
      out.push_back(std::move(c));
    }
    return out;
  }

  const CostPrice* FindPrice(const std::vector<CostPrice>* list,
                             const std::string& name) const {
    if (list == nullptr) return nullptr;
    for (const CostPrice& c : *list) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }

  const UsageDriver* FindDriver(const std::string& name) const {
    for (const UsageDriver& d : *usage_) {
      if (d.name == name) return &d;
    }
    return nullptr;
  }

  std::string DriverNames() const {
    std::string out;
    for (const UsageDriver& d : *usage_) {
      if (!out.empty()) out += ", ";
      out += d.name;
    }
    return out.empty() ? "none (declare them under usage)" : out;
  }

  // Multiplies `quantity` by the driver named in the item's per, if any.
  // Returns false (with an error) when the driver is unknown.
  bool ApplyPer(V item, const std::string& path, std::vector<double>* quantity,
                std::string* per_unit) {
    const auto per = r_.String(item, "per", path, false);
    if (!per) return true;
    const UsageDriver* d = FindDriver(*per);
    if (d == nullptr) {
      std::vector<std::string> names;
      for (const UsageDriver& u : *usage_) names.push_back(u.name);
      std::string message = "unknown usage driver \"" + *per +
                            "\"; declared drivers: " + DriverNames();
      const std::string hint = util::Suggest(*per, names);
      if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
      r_.Error(Get(item, "per"), path + ".per", message);
      return false;
    }
    if (d->quantity.size() != quantity->size()) return false;  // reported
    for (std::size_t t = 0; t < quantity->size(); ++t) {
      (*quantity)[t] *= d->quantity[t];
    }
    *per_unit = d->unit;
    return true;
  }

  // operating[] (priced by unit-price or prices) or emissions[] (priced by
  // shadow-prices).
  void ReadItems(V list, const std::string& path, bool emissions,
                 std::vector<CostLine>* lines) {
    if (Absent(list)) return;
    if (!IsList(list)) {
      r_.Error(
          list, path,
          "expected a list of {name, quantity, unit}, got " + Describe(list));
      return;
    }
    for (std::size_t i = 0; i < Size(list); ++i) {
      V item = At(list, i);
      const std::string ip = path + "[" + std::to_string(i) + "]";
      if (!IsMap(item)) {
        r_.Error(
            item, ip,
            "expected a map {name, quantity, unit}, got " + Describe(item));
        continue;
      }
      if (emissions) {
        r_.CheckKeys(item, ip, {"name", "quantity", "unit", "per", "note"});
      } else {
        r_.CheckKeys(item, ip,
                     {"name", "quantity", "unit", "per", "unit-price", "note"});
      }
      CostLine line;
      line.component =
          emissions ? LccComponent::kExternalities : LccComponent::kOperating;
      line.where = r_.Where(item);
      const std::optional<std::string> name = r_.String(item, "name", ip, true);
      line.name = name.value_or("");
      bool ok = !line.name.empty();
      if (name && name->empty()) {
        // An empty name prices nothing: the line would vanish from the LCC.
        r_.Error(Get(item, "name"), ip + ".name",
                 emissions ? "expected the name of the emission (e.g. co2), "
                             "got \"\""
                           : "expected the name of the priced item (e.g. "
                             "electricity), got \"\"");
      }
      if (Get(item, "quantity") == nullptr) {
        r_.Error(item, ip + ".quantity",
                 "missing; expected a quantity per year");
        ok = false;
      } else if (auto q = Series(Get(item, "quantity"), ip + ".quantity",
                                 "a quantity >= 0")) {
        line.quantity = std::move(*q);
      } else {
        ok = false;
      }
      const money::Unit* unit = nullptr;
      if (const auto u = r_.String(item, "unit", ip, true)) {
        unit = ReadUnit(Get(item, "unit"), ip + ".unit", *u);
        line.unit = *u;
      }
      std::string per_unit;
      ok = ApplyPer(item, ip, &line.quantity, &per_unit) && ok;
      if (!per_unit.empty()) line.price_basis = "per " + per_unit + "; ";
      ok = ok && unit != nullptr;
      // The price: the offer's own unit-price, else the buyer's list.
      V own = Get(item, "unit-price");
      if (!emissions && !Absent(own)) {
        const auto price = NonNegative(own, ip + ".unit-price", Amount());
        ok = ok && price.has_value();
        line.unit_price = price.value_or(0);
        line.price_basis += "unit-price " + FormatNumber(line.unit_price, -1) +
                            " " + currency_ + "/" + line.unit;
      } else if (!line.name.empty()) {
        const std::string section = emissions ? "shadow-prices" : "prices";
        const CostPrice* price =
            FindPrice(emissions ? shadow_prices_ : prices_, line.name);
        if (price == nullptr) {
          r_.Error(Get(item, "name"), ip + ".name",
                   emissions
                       ? "no shadow price for \"" + line.name +
                             "\"; declare shadow-prices." + line.name +
                             " with its source (circa has no built-in "
                             "value)"
                       : "no price for \"" + line.name + "\"; declare prices." +
                             line.name + " or give unit-price");
          ok = false;
        } else if (unit != nullptr && !price->unit.empty()) {
          const money::Unit* pu = money::FindUnit(price->unit);
          if (pu->dimension != unit->dimension) {
            r_.Error(Get(item, "unit"), ip + ".unit",
                     "expected a unit that converts to " + price->unit + " (" +
                         section + "." + line.name + " is in " + currency_ +
                         "/" + price->unit + "), got " + line.unit);
            ok = false;
          } else {
            line.unit_price = price->price * unit->factor / pu->factor;
            line.price_basis += section + "." + line.name + " " +
                                FormatNumber(price->price, -1) + " " +
                                currency_ + "/" + price->unit;
          }
        } else {
          ok = false;
        }
      }
      if (!ok) continue;
      line.amount.resize(line.quantity.size());
      for (std::size_t t = 0; t < line.quantity.size(); ++t) {
        line.amount[t] = line.quantity[t] * line.unit_price;
      }
      lines->push_back(std::move(line));
    }
  }

  // maintenance, repair: an amount per year or a list.
  void ReadMoneyLine(V offer, std::string_view key, const std::string& path,
                     LccComponent component, std::vector<CostLine>* lines) {
    V node = Get(offer, key);
    if (Absent(node)) return;
    const auto series = Series(node, Join(path, key), Amount() + " per year");
    if (!series) return;
    CostLine line;
    line.component = component;
    line.name = std::string(key);
    line.amount = *series;
    line.price_basis = "as offered";
    line.where = r_.Where(node);
    lines->push_back(std::move(line));
  }

  void ReadFee(V node, const std::string& path, std::vector<CostLine>* lines) {
    CostLine line;
    line.component = LccComponent::kServiceFee;
    line.name = "fee";
    line.where = r_.Where(node);
    if (IsMap(node)) {
      r_.CheckKeys(node, path, {"amount", "per"});
      if (Get(node, "amount") == nullptr) {
        r_.Error(node, path + ".amount",
                 "missing; expected " + Amount() + " per unit of usage");
        return;
      }
      const auto amount = NonNegative(Get(node, "amount"), path + ".amount",
                                      Amount() + " per unit of usage");
      if (Get(node, "per") == nullptr) {
        r_.Error(node, path + ".per",
                 "missing; expected a usage driver (declared: " +
                     DriverNames() + ")");
        return;
      }
      line.quantity.assign(static_cast<std::size_t>(horizon_), 1.0);
      std::string per_unit;
      if (!ApplyPer(node, path, &line.quantity, &per_unit) || !amount) return;
      line.unit = per_unit;
      line.unit_price = *amount;
      line.price_basis =
          FormatNumber(*amount, -1) + " " + currency_ + "/" + per_unit;
      line.amount.resize(line.quantity.size());
      for (std::size_t t = 0; t < line.quantity.size(); ++t) {
        line.amount[t] = line.quantity[t] * line.unit_price;
      }
    } else {
      const auto series = Series(node, path, Amount() + " per year");
      if (!series) return;
      line.amount = *series;
      line.price_basis = "yearly fee";
    }
    lines->push_back(std::move(line));
  }

  CostOffer ReadOffer(V node, std::size_t index) {
    CostOffer o;
    std::string path = "offers[" + std::to_string(index) + "]";
    o.where = r_.Where(node);
    if (!IsMap(node)) {
      r_.Error(node, path, "expected an offer (a map), got " + Describe(node));
      return o;
    }
    o.id = r_.String(node, "id", path, true).value_or("");
    if (!o.id.empty()) path = "offers[" + o.id + "]";
    r_.CheckKeys(node, path,
                 {"id", "supplier", "description", "kind", "price",
                  "installation", "replacement-price", "lifetime", "operating",
                  "maintenance", "repair", "fee", "includes", "take-back",
                  "emissions", "end-of-life", "residual"});
    o.supplier = r_.String(node, "supplier", path, false).value_or("");
    o.description = r_.String(node, "description", path, false).value_or("");
    if (const auto kind = r_.String(node, "kind", path, false)) {
      if (*kind == "service") {
        o.kind = OfferKind::kService;
      } else if (*kind != "purchase") {
        r_.Error(
            Get(node, "kind"), path + ".kind",
            "expected purchase or service, got " + Describe(Get(node, "kind")));
      }
    }
    const bool service = o.kind == OfferKind::kService;
    if (service) {
      for (const char* key :
           {"price", "replacement-price", "lifetime", "residual"}) {
        if (Get(node, key) != nullptr) {
          r_.Error(Get(node, key), Join(path, key),
                   "not used by a service offer (kind: service): the "
                   "provider owns the product; put its cost in fee");
        }
      }
      if (Absent(Get(node, "fee"))) {
        r_.Error(node, path + ".fee",
                 "missing; a service offer needs a fee (an amount per year, "
                 "a list per year, or {amount, per})");
      }
    } else {
      for (const char* key : {"fee", "includes", "take-back"}) {
        if (Get(node, key) != nullptr) {
          r_.Error(Get(node, key), Join(path, key),
                   "only for a service offer; write kind: service for "
                   "product-as-a-service");
        }
      }
      if (Absent(Get(node, "price"))) {
        r_.Error(node, path + ".price", "missing; expected " + Amount());
      } else if (const auto v = NonNegative(Get(node, "price"), path + ".price",
                                            Amount())) {
        o.price = *v;
      }
    }
    if (Get(node, "installation") != nullptr) {
      o.installation = NonNegative(Get(node, "installation"),
                                   path + ".installation", Amount())
                           .value_or(0);
    }
    if (!service && Get(node, "replacement-price") != nullptr) {
      o.replacement_price = NonNegative(Get(node, "replacement-price"),
                                        path + ".replacement-price", Amount());
    }
    if (!service && Get(node, "lifetime") != nullptr) {
      const std::string expected = "a lifetime in whole years >= 1";
      const auto v =
          r_.NumberOf(Get(node, "lifetime"), path + ".lifetime", expected);
      if (v && (*v < 1 || *v != std::floor(*v) || *v > 1000)) {
        r_.Error(Get(node, "lifetime"), path + ".lifetime",
                 "expected " + expected + ", got " +
                     Describe(Get(node, "lifetime")));
      } else if (v) {
        o.lifetime = static_cast<int>(*v);
      }
    }
    ReadItems(Get(node, "operating"), path + ".operating", false, &o.lines);
    ReadMoneyLine(node, "maintenance", path, LccComponent::kMaintenance,
                  &o.lines);
    ReadMoneyLine(node, "repair", path, LccComponent::kRepair, &o.lines);
    if (service && !Absent(Get(node, "fee"))) {
      ReadFee(Get(node, "fee"), path + ".fee", &o.lines);
    }
    ReadItems(Get(node, "emissions"), path + ".emissions", true, &o.lines);
    if (Get(node, "end-of-life") != nullptr) {
      o.end_of_life =
          NonNegative(Get(node, "end-of-life"), path + ".end-of-life", Amount())
              .value_or(0);
    }
    if (!service && Get(node, "residual") != nullptr) {
      o.residual =
          NonNegative(Get(node, "residual"), path + ".residual", Amount());
    }
    if (service) {
      V inc = Get(node, "includes");
      if (!Absent(inc)) {
        if (!IsList(inc)) {
          r_.Error(inc, path + ".includes",
                   "expected a list of what the fee includes, e.g. "
                   "[maintenance, repair, take-back], got " +
                       Describe(inc));
        } else {
          for (const CostValuePtr& item : inc->items) {
            if (item->is_text()) o.includes.push_back(item->text);
          }
        }
      }
      o.take_back = r_.Bool(node, "take-back", path).value_or(false);
      if (o.take_back && Get(node, "end-of-life") != nullptr) {
        r_.Error(Get(node, "end-of-life"), path + ".end-of-life",
                 "the provider takes the product back (take-back: true), so "
                 "the buyer has no end-of-life cost; remove end-of-life or "
                 "set take-back: false");
      }
    }
    return o;
  }

  Fields r_;
  CostProfileOptions options_;
  std::string currency_ = "EUR";
  int horizon_ = 0;
  const std::vector<CostPrice>* prices_ = nullptr;
  const std::vector<CostPrice>* shadow_prices_ = nullptr;
  const std::vector<UsageDriver>* usage_ = nullptr;
};

}  // namespace

CostProfile BuildCostProfile(const CostValue& root, const std::string& file,
                             const CostProfileOptions& options,
                             Diagnostics* diag) {
  CostProfileReader reader(file, diag, options);
  return reader.Read(&root);
}

}  // namespace circa::io
