#include "io/yaml_tree.h"

#include <yaml-cpp/yaml.h>
#include <yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace circa::io {

using yaml_detail::NodeData;

namespace {

const NodeData kNullData{};
const std::string kEmpty;

// Deeper than this is left to yaml-cpp, which refuses 500 levels.
constexpr int kMaxFastDepth = 200;

}  // namespace

NodeData* YamlDocument::Storage::New() {
  if (used == capacity) {
    const std::size_t n = capacity == 0 ? 64 : capacity;
    chunks.push_back(std::make_unique<NodeData[]>(n));
    used = 0;
    capacity = n;
  }
  return &chunks.back()[used++];
}

YamlNode::YamlNode() : data_(&kNullData) {}

const std::string& YamlNode::Scalar() const {
  return Is(NodeData::kScalar) ? data_->scalar : kEmpty;
}

const std::string& YamlNode::Tag() const {
  return data_ != nullptr ? data_->tag : kEmpty;
}

std::size_t YamlNode::size() const {
  if (Is(NodeData::kMap)) return data_->count / 2;
  if (Is(NodeData::kSequence)) return data_->count;
  return 0;
}

YamlNode YamlNode::operator[](std::size_t index) const {
  if (!Is(NodeData::kSequence) || index >= data_->count) return Undefined();
  return YamlNode(data_->children[index]);
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!Is(NodeData::kMap)) return Undefined();
  for (std::size_t i = 0; i + 1 < data_->count; i += 2) {
    const NodeData* k = data_->children[i];
    if (k->kind == NodeData::kScalar && k->scalar == key) {
      return YamlNode(data_->children[i + 1]);
    }
  }
  return Undefined();
}

YamlIterator YamlNode::begin() const {
  if (!Is(NodeData::kMap) && !Is(NodeData::kSequence)) return {};
  return YamlIterator(data_->children, Is(NodeData::kMap));
}

YamlIterator YamlNode::end() const {
  if (!Is(NodeData::kMap) && !Is(NodeData::kSequence)) return {};
  return YamlIterator(data_->children + data_->count, Is(NodeData::kMap));
}

YamlItem YamlIterator::operator*() const {
  if (map_) {
    return YamlItem(YamlNode::Undefined(), YamlNode(at_[0]), YamlNode(at_[1]));
  }
  return YamlItem(YamlNode(at_[0]), YamlNode::Undefined(),
                  YamlNode::Undefined());
}

// Builds a document's nodes; children are gathered in one array and the
// nodes pointed at them once the array stops growing.
class YamlBuilder {
 public:
  YamlBuilder() : storage_(std::make_unique<YamlDocument::Storage>()) {}

  NodeData* New() { return storage_->New(); }

  // Gives `node` the children `items` (copied).
  void SetChildren(NodeData* node, NodeData* const* items, std::size_t n) {
    fixups_.push_back({node, storage_->children.size()});
    storage_->children.insert(storage_->children.end(), items, items + n);
    node->count = n;
  }

  YamlDocument Finish(NodeData* root) {
    for (const auto& [node, offset] : fixups_) {
      node->children = storage_->children.data() + offset;
    }
    return YamlDocument(std::move(storage_), YamlNode(root));
  }

 private:
  std::unique_ptr<YamlDocument::Storage> storage_;
  std::vector<std::pair<NodeData*, std::size_t>> fixups_;
};

namespace {

// Positions: libyaml counts characters, yaml-cpp bytes (and lines by '\n').
class Positions {
 public:
  // False when the text holds a line break YAML 1.1 knows but yaml-cpp
  // does not (NEL, LS, PS), a byte-order mark, or a document marker line
  // other than a first "---": the fast path leaves those to yaml-cpp.
  bool Init(std::string_view text) {
    text_ = text;
    line_starts_.push_back(0);
    bool ascii = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        line_starts_.push_back(i + 1);
        continue;
      }
      if (c >= 0x80) {
        ascii = false;
        if (c == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0x85) {
          return false;
        }
        if (c == 0xE2 && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
             static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
          return false;
        }
        // A byte-order mark past the start (the file's own is stripped
        // before): libyaml skips one at the start of any line, yaml-cpp
        // reads it as text (fuzz_yaml_tree: "a:\r<BOM>\nb:").
        if (c == 0xEF && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xBB &&
            static_cast<unsigned char>(text[i + 2]) == 0xBF) {
          return false;
        }
      }
    }
    // A text without a final line break: yaml-cpp ends its last scalar
    // and places a value left empty there in its own way.
    if (!text.empty() && text.back() != '\n') return false;
    // A '?' that may be an explicit key ("? key", "{?key: 1}"): yaml-cpp
    // places or reads those differently. One inside a word ("why?") is
    // text to both.
    constexpr std::string_view kAround = " \t\r\n,[{";
    for (std::size_t q = text.find('?'); q != std::string_view::npos;
         q = text.find('?', q + 1)) {
      if (q == 0 || q + 1 == text.size() ||
          kAround.find(text[q - 1]) != std::string_view::npos ||
          kAround.find(text[q + 1]) != std::string_view::npos) {
        return false;
      }
    }
    for (const std::size_t start : line_starts_) {
      const std::string_view rest = text.substr(start);
      if (rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") {
        const bool first_marker =
            start == 0 && rest.substr(0, 3) == "---" &&
            (rest.size() == 3 || rest[3] == '\n' || rest[3] == '\r');
        if (!first_marker) return false;
      }
    }
    if (!ascii) {
      // Byte offset of each character.
      byte_of_.reserve(text.size() + 1);
      for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
          byte_of_.push_back(i);
        }
      }
      byte_of_.push_back(text.size());
    }
    return true;
  }

  std::size_t Byte(std::size_t index) const {
    if (byte_of_.empty()) return std::min(index, text_.size());
    return byte_of_[std::min(index, byte_of_.size() - 1)];
  }

  YamlMark At(std::size_t byte) const {
    const auto it =
        std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
    const std::size_t line =
        static_cast<std::size_t>(std::distance(line_starts_.begin(), it) - 1);
    return {static_cast<int>(byte), static_cast<int>(line),
            static_cast<int>(byte - line_starts_[line])};
  }

  YamlMark Of(const yaml_mark_t& m) const {
    const std::size_t byte = Byte(m.index);
    if (m.line < line_starts_.size() && line_starts_[m.line] <= byte &&
        (m.line + 1 >= line_starts_.size() ||
         byte < line_starts_[m.line + 1])) {
      return {static_cast<int>(byte), static_cast<int>(m.line),
              static_cast<int>(byte - line_starts_[m.line])};
    }
    return At(byte);
  }

  // Where yaml-cpp places a value left empty: at the token after it (the
  // next key, the next "-", a "," or closing bracket, or where the
  // collection ends), i.e. past blanks, line breaks and comments.
  // Nullopt at the end of a text without a final line break, where
  // yaml-cpp's position is its own.
  std::optional<YamlMark> Empty(const yaml_mark_t& m) const {
    std::size_t i = Byte(m.index);
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i;
      } else if (c == '#') {
        const std::size_t nl = text_.find('\n', i);
        i = nl == std::string_view::npos ? text_.size() : nl;
      } else {
        break;
      }
    }
    if (i == text_.size() && !text_.empty() && text_.back() != '\n') {
      return std::nullopt;
    }
    return At(i);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> byte_of_;
};

bool IsNullPlain(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

struct Parser {
  yaml_parser_t parser;
  bool ok = false;
  explicit Parser(std::string_view text) {
    ok = yaml_parser_initialize(&parser) != 0;
    if (ok) {
      yaml_parser_set_input_string(
          &parser, reinterpret_cast<const unsigned char*>(text.data()),
          text.size());
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    }
  }
  ~Parser() {
    if (ok) yaml_parser_delete(&parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event;
  bool valid = false;
  ~Event() { Reset(); }
  void Reset() {
    if (valid) yaml_event_delete(&event);
    valid = false;
  }
};

}  // namespace

bool ParseYamlFast(std::string_view text, YamlDocument* out) {
  Positions positions;
  if (!positions.Init(text)) return false;
  Parser p(text);
  if (!p.ok) return false;
  YamlBuilder builder;
  struct Open {
    NodeData* node;
    std::size_t first;  // in `pending`
  };
  std::vector<Open> open;
  std::vector<NodeData*> pending;
  NodeData* root = nullptr;
  int documents = 0;
  int flow_depth = 0;  // open [] and {}
  Event e;
  // Adds a finished node to its parent (or makes it the root).
  const auto add = [&](NodeData* node) {
    if (open.empty()) {
      root = node;
    } else {
      pending.push_back(node);
    }
  };
  for (;;) {
    e.Reset();
    if (yaml_parser_parse(&p.parser, &e.event) == 0) return false;
    e.valid = true;
    const yaml_event_t& ev = e.event;
    switch (ev.type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_END_EVENT:
        break;
      case YAML_STREAM_END_EVENT:
        if (root == nullptr || documents != 1) return false;
        if (root->kind != NodeData::kMap && root->kind != NodeData::kSequence) {
          return false;
        }
        if (root->style != YamlStyle::kBlock) return false;
        *out = builder.Finish(root);
        return true;
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1) return false;
        if (ev.data.document_start.version_directive != nullptr ||
            ev.data.document_start.tag_directives.start !=
                ev.data.document_start.tag_directives.end) {
          return false;
        }
        break;
      case YAML_ALIAS_EVENT:
        return false;
      case YAML_SCALAR_EVENT: {
        if (ev.data.scalar.anchor != nullptr || ev.data.scalar.tag != nullptr) {
          return false;
        }
        NodeData* n = builder.New();
        const std::string_view value(
            reinterpret_cast<const char*>(ev.data.scalar.value),
            ev.data.scalar.length);
        const bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        // Inside [] or {}, yaml-cpp reads a ':' not followed by a space
        // as a separator (YAML 1.2), libyaml as text (1.1).
        // So does a '?' there, and a value left empty ("{a, b: 1}").
        if (plain && flow_depth > 0 &&
            (value.empty() ||
             value.find_first_of(":?") != std::string_view::npos)) {
          return false;
        }
        if (plain && IsNullPlain(value)) {
          n->kind = NodeData::kNull;
          if (value.empty()) {
            const std::optional<YamlMark> at = positions.Empty(ev.start_mark);
            if (!at) return false;
            n->mark = *at;
          } else {
            n->mark = positions.Of(ev.start_mark);
          }
        } else {
          n->kind = NodeData::kScalar;
          n->tag = plain ? "?" : "!";
          n->scalar.assign(value);
          n->mark = positions.Of(ev.start_mark);
        }
        add(n);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool map = ev.type == YAML_MAPPING_START_EVENT;
        const yaml_char_t* anchor =
            map ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
        const yaml_char_t* tag =
            map ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
        if (anchor != nullptr || tag != nullptr) return false;
        if (static_cast<int>(open.size()) >= kMaxFastDepth) return false;
        NodeData* n = builder.New();
        n->kind = map ? NodeData::kMap : NodeData::kSequence;
        n->tag = "?";
        const bool flow =
            map ? ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
        n->style = flow ? YamlStyle::kFlow : YamlStyle::kBlock;
        n->mark = positions.Of(ev.start_mark);
        open.push_back({n, pending.size()});
        if (flow) ++flow_depth;
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        if (open.empty()) return false;
        const Open o = open.back();
        open.pop_back();
        if (o.node->style == YamlStyle::kFlow) --flow_depth;
        builder.SetChildren(o.node, pending.data() + o.first,
                            pending.size() - o.first);
        pending.resize(o.first);
        add(o.node);
        break;
      }
      case YAML_NO_EVENT:
        return false;
    }
  }
}

namespace {

// yaml-cpp's tree into ours; a map or list (or scalar) met again through an
// alias is the node already made.
class FromYamlCppBuilder {
 public:
  explicit FromYamlCppBuilder(YamlBuilder* b) : b_(b) {}

  NodeData* Convert(const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    const int kind = node.IsMap()        ? NodeData::kMap
                     : node.IsSequence() ? NodeData::kSequence
                     : node.IsScalar()   ? NodeData::kScalar
                                         : NodeData::kNull;
    const std::pair<int, int> id{mark.pos, kind};
    const bool shared = !mark.is_null() && kind != NodeData::kNull;
    if (shared) {
      if (const auto it = done_.find(id); it != done_.end()) return it->second;
    }
    NodeData* n = b_->New();
    if (shared) done_.emplace(id, n);
    n->kind = static_cast<NodeData::Kind>(kind);
    n->mark = {mark.pos, mark.line, mark.column};
    n->tag = node.Tag();
    switch (node.Style()) {
      case YAML::EmitterStyle::Block:
        n->style = YamlStyle::kBlock;
        break;
      case YAML::EmitterStyle::Flow:
        n->style = YamlStyle::kFlow;
        break;
      default:
        n->style = YamlStyle::kDefault;
    }
    if (kind == NodeData::kScalar) {
      n->scalar = node.Scalar();
    } else if (kind == NodeData::kMap) {
      std::vector<NodeData*> items;
      for (const auto& kv : node) {
        items.push_back(Convert(kv.first));
        items.push_back(Convert(kv.second));
      }
      b_->SetChildren(n, items.data(), items.size());
    } else if (kind == NodeData::kSequence) {
      std::vector<NodeData*> items;
      for (const auto& item : node) items.push_back(Convert(item));
      b_->SetChildren(n, items.data(), items.size());
    }
    return n;
  }

 private:
  YamlBuilder* b_;
  std::map<std::pair<int, int>, NodeData*> done_;
};

}  // namespace

YamlDocument FromYamlCpp(const YAML::Node& root) {
  YamlBuilder builder;
  if (!root.IsDefined()) return YamlDocument();
  FromYamlCppBuilder convert(&builder);
  NodeData* n = convert.Convert(root);
  return builder.Finish(n);
}

namespace {

bool Same(const YamlNode& a, const YamlNode& b, const std::string& path,
          std::set<std::pair<int, int>>* seen, std::string* where) {
  const auto fail = [&](const std::string& what) {
    if (where != nullptr) *where = path + ": " + what;
    return false;
  };
  if (a.IsDefined() != b.IsDefined()) return fail("defined");
  if (!a.IsDefined()) return true;
  const YamlMark ma = a.Mark();
  const YamlMark mb = b.Mark();
  if (ma.pos != mb.pos || ma.line != mb.line || ma.column != mb.column) {
    return fail("mark " + std::to_string(ma.line) + ":" +
                std::to_string(ma.column) + " vs " + std::to_string(mb.line) +
                ":" + std::to_string(mb.column));
  }
  if (a.IsNull() != b.IsNull() || a.IsScalar() != b.IsScalar() ||
      a.IsMap() != b.IsMap() || a.IsSequence() != b.IsSequence()) {
    return fail("kind");
  }
  if (a.Tag() != b.Tag()) return fail("tag " + a.Tag() + " vs " + b.Tag());
  if (a.Style() != b.Style()) return fail("style");
  if (a.Scalar() != b.Scalar()) {
    return fail("text \"" + a.Scalar() + "\" vs \"" + b.Scalar() + "\"");
  }
  if (a.size() != b.size()) return fail("size");
  if (!a.IsMap() && !a.IsSequence()) return true;
  if (!seen->insert({ma.pos, a.IsMap() ? 1 : 0}).second) return true;
  auto ia = a.begin();
  auto ib = b.begin();
  for (std::size_t i = 0; ia != a.end(); ++ia, ++ib, ++i) {
    const YamlItem x = *ia;
    const YamlItem y = *ib;
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (a.IsMap()) {
      if (!Same(x.first, y.first, at + ".key", seen, where)) return false;
      if (!Same(x.second, y.second, at, seen, where)) return false;
    } else if (!Same(x, y, at, seen, where)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool SameYamlTree(const YamlNode& a, const YamlNode& b, std::string* where) {
  std::set<std::pair<int, int>> seen;
  return Same(a, b, "", &seen, where);
}

}  // namespace circa::io
