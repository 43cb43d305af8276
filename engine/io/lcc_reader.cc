// Cost profile reader: YAML -> CostProfile with every yearly line resolved
// to money, every problem reported with its position (docs/lcc.md).
#include <cmath>
#include <map>
#include <set>

#include "circa/lcc.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/units.h"
#include "io/yaml_node.h"
#include "util/number_format.h"

namespace circa {
namespace {

constexpr std::string_view kRateExpected =
    "a discount rate between 0 and 1 (e.g. 0.04 for 4 %)";

class CostProfileReader {
 public:
  CostProfileReader(const std::string& file, Diagnostics* diag,
                    const CostProfileOptions& options)
      : r_(file, diag), options_(options) {}

  CostProfile Read(const YAML::Node& root) {
    CostProfile p;
    p.source = r_.file();
    if (!root.IsMap()) {
      r_.Error(root, "",
               "expected a cost profile (a map with circa, horizon, "
               "discount-rate and offers), got " +
                   io::Describe(root));
      return p;
    }
    r_.CheckKeys(
        root, "",
        {"circa", "id", "title", "currency", "horizon", "discount-rate",
         "residual-rule", "usage", "prices", "shadow-prices", "offers"});
    if (const auto format = r_.Number(root, "circa", "", true)) {
      if (*format != 1) {
        r_.Error(root["circa"], "circa",
                 "unsupported format version " + root["circa"].Scalar() +
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
        r_.Error(root["residual-rule"], "residual-rule",
                 "expected linear or none, got " +
                     io::Describe(root["residual-rule"]));
      }
    }
    p.usage = ReadUsage(root["usage"]);
    p.prices = ReadPrices(root["prices"], "prices");
    p.shadow_prices = ReadPrices(root["shadow-prices"], "shadow-prices");
    prices_ = &p.prices;
    shadow_prices_ = &p.shadow_prices;
    usage_ = &p.usage;
    const YAML::Node offers = root["offers"];
    if (!offers.IsDefined() || offers.IsNull()) {
      r_.Error(root, "offers", "missing; expected a list of offers");
    } else if (!offers.IsSequence() || offers.size() == 0) {
      r_.Error(
          offers, "offers",
          "expected a non-empty list of offers, got " + io::Describe(offers));
    } else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < offers.size(); ++i) {
        // Thousands of broken offers: stop at the error cap.
        if (io::ErrorsFull(*r_.diag(), options_.max_errors)) {
          r_.diag()->Error({r_.file(), 0, 0}, "",
                           io::TooManyErrors(options_.max_errors));
          break;
        }
        CostOffer o = ReadOffer(offers[i], i);
        if (!o.id.empty() && !ids.insert(o.id).second) {
          r_.Error(offers[i]["id"], "offers[" + std::to_string(i) + "].id",
                   "offer id \"" + o.id + "\" is used twice");
        }
        p.offers.push_back(std::move(o));
      }
    }
    return p;
  }

 private:
  void ReadHorizon(const YAML::Node& root, CostProfile* p) {
    const std::string expected =
        "the horizon in years (a whole number from "
        "1 to " +
        std::to_string(options_.max_horizon) + ")";
    const YAML::Node node = root["horizon"];
    if (!node.IsDefined() || node.IsNull()) {
      r_.Error(root, "horizon", "missing; expected " + expected);
      return;
    }
    const auto n = r_.NumberOf(node, "horizon", expected);
    if (!n) return;
    if (*n < 1 || *n > options_.max_horizon || *n != std::floor(*n)) {
      r_.Error(node, "horizon",
               "expected " + expected + ", got " + io::Describe(node));
      return;
    }
    p->horizon = static_cast<int>(*n);
    horizon_ = p->horizon;
  }

  void ReadRate(const YAML::Node& root, CostProfile* p) {
    const YAML::Node node = root["discount-rate"];
    if (!node.IsDefined() || node.IsNull()) {
      r_.Error(root, "discount-rate",
               "missing; expected " + std::string(kRateExpected));
      return;
    }
    const auto r = r_.NumberOf(node, "discount-rate", kRateExpected);
    if (!r) return;
    if (!(*r >= 0 && *r < 1)) {
      r_.Error(node, "discount-rate",
               "expected " + std::string(kRateExpected) + ", got " +
                   io::Describe(node));
      return;
    }
    p->discount_rate = *r;
  }

  // A number >= 0 (`what` names it in messages).
  std::optional<double> NonNegative(const YAML::Node& node,
                                    const std::string& path,
                                    const std::string& what) {
    const auto v = r_.NumberOf(node, path, what);
    if (!v) return std::nullopt;
    if (!std::isfinite(*v) || *v < 0) {
      r_.Error(node, path, "expected " + what + ", got " + io::Describe(node));
      return std::nullopt;
    }
    return v;
  }

  std::string Amount() const { return "an amount >= 0 in " + currency_; }

  // A number (every year the same) or a list of one number per year.
  std::optional<std::vector<double>> Series(const YAML::Node& node,
                                            const std::string& path,
                                            const std::string& what) {
    const std::size_t n = static_cast<std::size_t>(horizon_);
    if (node.IsSequence()) {
      if (horizon_ > 0 && node.size() != n) {
        r_.Error(node, path,
                 "expected " + what + " or a list of " + std::to_string(n) +
                     " (one per year of the horizon), got a list of " +
                     std::to_string(node.size()));
        return std::nullopt;
      }
      std::vector<double> out;
      bool ok = true;
      for (std::size_t t = 0; t < node.size(); ++t) {
        const auto v =
            NonNegative(node[t], path + "[" + std::to_string(t) + "]", what);
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

  const money::Unit* ReadUnit(const YAML::Node& node, const std::string& path,
                              std::string_view text) {
    const money::Unit* unit = money::FindUnit(text);
    if (unit == nullptr) {
      std::string message = "unknown unit \"" + std::string(text) +
                            "\"; expected one of " + money::UnitList();
      const std::string hint =
          io::Suggest(std::string(text), money::UnitNames());
      if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
      r_.Error(node, path, message);
    }
    return unit;
  }

  std::vector<UsageDriver> ReadUsage(const YAML::Node& node) {
    std::vector<UsageDriver> out;
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsMap()) {
      r_.Error(node, "usage",
               "expected a map {driver: {quantity, unit}}, got " +
                   io::Describe(node));
      return out;
    }
    std::set<std::string> seen;
    for (const auto& kv : node) {
      const std::string name = kv.first.Scalar();
      const std::string path = "usage." + name;
      if (!seen.insert(name).second) {
        r_.Error(kv.first, path, "duplicate key");
        continue;
      }
      const YAML::Node& v = kv.second;
      if (!v.IsMap()) {
        r_.Error(v, path,
                 "expected a map {quantity, unit}, got " + io::Describe(v));
        continue;
      }
      r_.CheckKeys(v, path, {"quantity", "unit", "source"});
      UsageDriver d;
      d.name = name;
      d.where = r_.Where(kv.first);
      if (!v["quantity"].IsDefined()) {
        r_.Error(v, path + ".quantity",
                 "missing; expected a quantity per year");
      } else if (auto q = Series(v["quantity"], path + ".quantity",
                                 "a quantity >= 0")) {
        d.quantity = std::move(*q);
      }
      if (const auto unit = r_.String(v, "unit", path, true)) {
        if (ReadUnit(v["unit"], path + ".unit", *unit) != nullptr) {
          d.unit = *unit;
        }
      }
      out.push_back(std::move(d));
    }
    return out;
  }

  std::vector<CostPrice> ReadPrices(const YAML::Node& node,
                                    const std::string& section) {
    std::vector<CostPrice> out;
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsMap()) {
      r_.Error(
          node, section,
          "expected a map {name: {price, unit}}, got " + io::Describe(node));
      return out;
    }
    std::set<std::string> seen;
    for (const auto& kv : node) {
      const std::string name = kv.first.Scalar();
      const std::string path = section + "." + name;
      if (!seen.insert(name).second) {
        r_.Error(kv.first, path, "duplicate key");
        continue;
      }
      const YAML::Node& v = kv.second;
      if (!v.IsMap()) {
        r_.Error(
            v, path,
            "expected a map {price, unit, source}, got " + io::Describe(v));
        continue;
      }
      r_.CheckKeys(v, path, {"price", "unit", "source"});
      CostPrice c;
      c.name = name;
      c.where = r_.Where(kv.first);
      c.source = r_.String(v, "source", path, false).value_or("");
      if (!v["price"].IsDefined()) {
        r_.Error(v, path + ".price", "missing; expected " + Amount());
      } else if (auto price =
                     NonNegative(v["price"], path + ".price", Amount())) {
        c.price = *price;
      }
      if (const auto unit = r_.String(v, "unit", path, true)) {
        const std::string prefix = currency_ + "/";
        if (unit->rfind(prefix, 0) != 0) {
          r_.Error(v["unit"], path + ".unit",
                   "expected a price unit " + currency_ + "/<unit>, e.g. " +
                       currency_ + "/kWh, got " + io::Describe(v["unit"]));
        } else if (ReadUnit(v["unit"], path + ".unit",
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

  // Multiplies `quantity` by the driver named in node["per"], if any.
  // Returns false (with an error) when the driver is unknown.
  bool ApplyPer(const YAML::Node& item, const std::string& path,
                std::vector<double>* quantity, std::string* per_unit) {
    const auto per = r_.String(item, "per", path, false);
    if (!per) return true;
    const UsageDriver* d = FindDriver(*per);
    if (d == nullptr) {
      std::vector<std::string> names;
      for (const UsageDriver& u : *usage_) names.push_back(u.name);
      std::string message = "unknown usage driver \"" + *per +
                            "\"; declared drivers: " + DriverNames();
      const std::string hint = io::Suggest(*per, names);
      if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
      r_.Error(item["per"], path + ".per", message);
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
  void ReadItems(const YAML::Node& list, const std::string& path,
                 bool emissions, std::vector<CostLine>* lines) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      r_.Error(list, path,
               "expected a list of {name, quantity, unit}, got " +
                   io::Describe(list));
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node item = list[i];
      const std::string ip = path + "[" + std::to_string(i) + "]";
      if (!item.IsMap()) {
        r_.Error(
            item, ip,
            "expected a map {name, quantity, unit}, got " + io::Describe(item));
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
      line.name = r_.String(item, "name", ip, true).value_or("");
      bool ok = !line.name.empty();
      if (!item["quantity"].IsDefined()) {
        r_.Error(item, ip + ".quantity",
                 "missing; expected a quantity per year");
        ok = false;
      } else if (auto q = Series(item["quantity"], ip + ".quantity",
                                 "a quantity >= 0")) {
        line.quantity = std::move(*q);
      } else {
        ok = false;
      }
      const money::Unit* unit = nullptr;
      if (const auto u = r_.String(item, "unit", ip, true)) {
        unit = ReadUnit(item["unit"], ip + ".unit", *u);
        line.unit = *u;
      }
      std::string per_unit;
      ok = ApplyPer(item, ip, &line.quantity, &per_unit) && ok;
      if (!per_unit.empty()) line.price_basis = "per " + per_unit + "; ";
      ok = ok && unit != nullptr;
      // The price: the offer's own unit-price, else the buyer's list.
      const YAML::Node own = item["unit-price"];
      if (!emissions && own.IsDefined() && !own.IsNull()) {
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
          r_.Error(item["name"], ip + ".name",
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
            r_.Error(item["unit"], ip + ".unit",
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
  void ReadMoneyLine(const YAML::Node& offer, std::string_view key,
                     const std::string& path, LccComponent component,
                     std::vector<CostLine>* lines) {
    const YAML::Node node = offer[std::string(key)];
    if (!node.IsDefined() || node.IsNull()) return;
    const auto series =
        Series(node, io::Join(path, key), Amount() + " per year");
    if (!series) return;
    CostLine line;
    line.component = component;
    line.name = std::string(key);
    line.amount = *series;
    line.price_basis = "as offered";
    line.where = r_.Where(node);
    lines->push_back(std::move(line));
  }

  void ReadFee(const YAML::Node& node, const std::string& path,
               std::vector<CostLine>* lines) {
    CostLine line;
    line.component = LccComponent::kServiceFee;
    line.name = "fee";
    line.where = r_.Where(node);
    if (node.IsMap()) {
      r_.CheckKeys(node, path, {"amount", "per"});
      if (!node["amount"].IsDefined()) {
        r_.Error(node, path + ".amount",
                 "missing; expected " + Amount() + " per unit of usage");
        return;
      }
      const auto amount = NonNegative(node["amount"], path + ".amount",
                                      Amount() + " per unit of usage");
      if (!node["per"].IsDefined()) {
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

  CostOffer ReadOffer(const YAML::Node& node, std::size_t index) {
    CostOffer o;
    std::string path = "offers[" + std::to_string(index) + "]";
    o.where = r_.Where(node);
    if (!node.IsMap()) {
      r_.Error(node, path,
               "expected an offer (a map), got " + io::Describe(node));
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
            node["kind"], path + ".kind",
            "expected purchase or service, got " + io::Describe(node["kind"]));
      }
    }
    const bool service = o.kind == OfferKind::kService;
    if (service) {
      for (const char* key :
           {"price", "replacement-price", "lifetime", "residual"}) {
        if (node[key].IsDefined()) {
          r_.Error(node[key], io::Join(path, key),
                   "not used by a service offer (kind: service): the "
                   "provider owns the product; put its cost in fee");
        }
      }
      if (!node["fee"].IsDefined() || node["fee"].IsNull()) {
        r_.Error(node, path + ".fee",
                 "missing; a service offer needs a fee (an amount per year, "
                 "a list per year, or {amount, per})");
      }
    } else {
      for (const char* key : {"fee", "includes", "take-back"}) {
        if (node[key].IsDefined()) {
          r_.Error(node[key], io::Join(path, key),
                   "only for a service offer; write kind: service for "
                   "product-as-a-service");
        }
      }
      if (!node["price"].IsDefined() || node["price"].IsNull()) {
        r_.Error(node, path + ".price", "missing; expected " + Amount());
      } else if (const auto v =
                     NonNegative(node["price"], path + ".price", Amount())) {
        o.price = *v;
      }
    }
    if (node["installation"].IsDefined()) {
      o.installation =
          NonNegative(node["installation"], path + ".installation", Amount())
              .value_or(0);
    }
    if (!service && node["replacement-price"].IsDefined()) {
      o.replacement_price = NonNegative(node["replacement-price"],
                                        path + ".replacement-price", Amount());
    }
    if (!service && node["lifetime"].IsDefined()) {
      const std::string expected = "a lifetime in whole years >= 1";
      const auto v =
          r_.NumberOf(node["lifetime"], path + ".lifetime", expected);
      if (v && (*v < 1 || *v != std::floor(*v) || *v > 1000)) {
        r_.Error(
            node["lifetime"], path + ".lifetime",
            "expected " + expected + ", got " + io::Describe(node["lifetime"]));
      } else if (v) {
        o.lifetime = static_cast<int>(*v);
      }
    }
    ReadItems(node["operating"], path + ".operating", false, &o.lines);
    ReadMoneyLine(node, "maintenance", path, LccComponent::kMaintenance,
                  &o.lines);
    ReadMoneyLine(node, "repair", path, LccComponent::kRepair, &o.lines);
    if (service && node["fee"].IsDefined() && !node["fee"].IsNull()) {
      ReadFee(node["fee"], path + ".fee", &o.lines);
    }
    ReadItems(node["emissions"], path + ".emissions", true, &o.lines);
    if (node["end-of-life"].IsDefined()) {
      o.end_of_life =
          NonNegative(node["end-of-life"], path + ".end-of-life", Amount())
              .value_or(0);
    }
    if (!service && node["residual"].IsDefined()) {
      o.residual = NonNegative(node["residual"], path + ".residual", Amount());
    }
    if (service) {
      const YAML::Node inc = node["includes"];
      if (inc.IsDefined() && !inc.IsNull()) {
        if (!inc.IsSequence()) {
          r_.Error(inc, path + ".includes",
                   "expected a list of what the fee includes, e.g. "
                   "[maintenance, repair, take-back], got " +
                       io::Describe(inc));
        } else {
          for (const auto& item : inc) {
            if (item.IsScalar()) o.includes.push_back(item.Scalar());
          }
        }
      }
      o.take_back = r_.Bool(node, "take-back", path).value_or(false);
      if (o.take_back && node["end-of-life"].IsDefined()) {
        r_.Error(node["end-of-life"], path + ".end-of-life",
                 "the provider takes the product back (take-back: true), so "
                 "the buyer has no end-of-life cost; remove end-of-life or "
                 "set take-back: false");
      }
    }
    return o;
  }

  io::YamlReader r_;
  CostProfileOptions options_;
  std::string currency_ = "EUR";
  int horizon_ = 0;
  const std::vector<CostPrice>* prices_ = nullptr;
  const std::vector<CostPrice>* shadow_prices_ = nullptr;
  const std::vector<UsageDriver>* usage_ = nullptr;
};

}  // namespace

Result<CostProfile> ParseCostProfile(std::string_view text,
                                     const std::string& file_name,
                                     const CostProfileOptions& options) {
  Diagnostics diag;
  Result<CostProfile> out;
  const std::optional<YAML::Node> root = io::ParseYaml(
      text, file_name, &diag, io::YamlSyntax::kYaml, options.max_errors);
  if (root) {
    try {
      CostProfileReader reader(file_name, &diag, options);
      CostProfile p = reader.Read(*root);
      p.sha256 = io::Sha256Hex(text);
      if (!diag.HasErrors()) out.value = std::move(p);
    } catch (const YAML::Exception& e) {
      diag.Error({file_name, 0, 0}, "",
                 std::string("invalid YAML: ") + e.what());
    }
  }
  io::CapErrors(&diag, file_name, options.max_errors);
  out.diagnostics = diag.Take();
  return out;
}

Result<CostProfile> LoadCostProfileFile(const std::string& path,
                                        const CostProfileOptions& options) {
  Diagnostics diag;
  const std::optional<std::string> text =
      io::ReadFile(path, options.max_bytes, &diag);
  if (!text) {
    Result<CostProfile> out;
    out.diagnostics = diag.Take();
    return out;
  }
  const bool csv =
      path.size() >= 4 && (path.compare(path.size() - 4, 4, ".csv") == 0 ||
                           path.compare(path.size() - 4, 4, ".CSV") == 0);
  if (csv) return ParseCostProfileCsv(*text, path, options);
  return ParseCostProfile(*text, path, options);
}

}  // namespace circa
