// circa's own YAML node tree: what the readers walk. Built from libyaml's
// event parser (engine/io/yaml_tree.cc) or, on every path where libyaml's
// reading could differ from yaml-cpp's (errors, tags, anchors, a second
// document, flow or scalar roots), converted from yaml-cpp's tree, so that
// a file reads exactly as it did when the readers used YAML::Node. The API
// is the subset of YAML::Node the readers use, with the same answers.
#ifndef CIRCA_ENGINE_IO_YAML_TREE_H_
#define CIRCA_ENGINE_IO_YAML_TREE_H_

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}  // namespace YAML

namespace circa::io {

// A position as yaml-cpp gives it: 0-based byte offset, line and column (in
// bytes); all -1 when the node has none.
struct YamlMark {
  int pos = -1;
  int line = -1;
  int column = -1;
  bool is_null() const { return pos == -1 && line == -1 && column == -1; }
};

// How a map or list is written; scalars and nulls are kDefault.
enum class YamlStyle : unsigned char { kDefault, kBlock, kFlow };

namespace yaml_detail {

struct NodeData {
  enum Kind : unsigned char { kNull, kScalar, kSequence, kMap };
  Kind kind = kNull;
  YamlStyle style = YamlStyle::kDefault;
  YamlMark mark;
  // "?" for a plain value or any untagged map or list, "!" for a quoted or
  // block scalar, "" for a null, else the tag as yaml-cpp resolves it.
  std::string tag;
  std::string scalar;
  // A map holds key, value, key, value...
  NodeData* const* children = nullptr;
  std::size_t count = 0;
};

}  // namespace yaml_detail

class YamlItem;
class YamlIterator;

// A handle on a node (cheap to copy), valid while its YamlDocument lives.
// Like YAML::Node: a default-constructed node is a defined null; a missing
// key or index gives an undefined node (IsDefined() false), on which every
// query answers "nothing" instead of throwing.
class YamlNode {
 public:
  YamlNode();
  static YamlNode Undefined() { return YamlNode(nullptr); }

  bool IsDefined() const { return data_ != nullptr; }
  bool IsNull() const {
    return data_ == nullptr || data_->kind == yaml_detail::NodeData::kNull;
  }
  bool IsScalar() const { return Is(yaml_detail::NodeData::kScalar); }
  bool IsSequence() const { return Is(yaml_detail::NodeData::kSequence); }
  bool IsMap() const { return Is(yaml_detail::NodeData::kMap); }

  // The text of a scalar; empty for anything else.
  const std::string& Scalar() const;
  const std::string& Tag() const;
  YamlStyle Style() const { return data_ ? data_->style : YamlStyle::kDefault; }
  YamlMark Mark() const { return data_ ? data_->mark : YamlMark{}; }

  // Pairs of a map, items of a list, else 0.
  std::size_t size() const;

  // The item of a list (undefined when out of range or not a list).
  YamlNode operator[](std::size_t index) const;
  // The value of the first pair whose key is the scalar `key` (undefined
  // when there is none or this is not a map).
  YamlNode operator[](std::string_view key) const;
  YamlNode operator[](const char* key) const {
    return (*this)[std::string_view(key)];
  }
  YamlNode operator[](const std::string& key) const {
    return (*this)[std::string_view(key)];
  }
  YamlNode operator[](int index) const {
    return (*this)[static_cast<std::size_t>(index)];
  }

  // The pairs of a map (item.first, item.second) or the items of a list
  // (the item itself); nothing for a scalar or null.
  YamlIterator begin() const;
  YamlIterator end() const;

  // True if both handles are on the same node.
  bool is(const YamlNode& other) const { return data_ == other.data_; }

 private:
  friend class YamlIterator;
  friend class YamlBuilder;
  explicit YamlNode(const yaml_detail::NodeData* data) : data_(data) {}
  bool Is(yaml_detail::NodeData::Kind kind) const {
    return data_ != nullptr && data_->kind == kind;
  }

  const yaml_detail::NodeData* data_;
};

// What iterating yields: a list's item (this node), or a map's pair
// (first, second; this node itself is then undefined).
class YamlItem : public YamlNode {
 public:
  YamlItem(YamlNode node, YamlNode key, YamlNode value)
      : YamlNode(node), first(key), second(value) {}
  YamlNode first;
  YamlNode second;
};

class YamlIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = YamlItem;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = YamlItem;

  YamlIterator() = default;
  YamlItem operator*() const;
  // it->first: the item held by value.
  struct Arrow {
    YamlItem item;
    const YamlItem* operator->() const { return &item; }
  };
  Arrow operator->() const { return Arrow{**this}; }
  YamlIterator& operator++() {
    at_ += map_ ? 2 : 1;
    return *this;
  }
  YamlIterator operator++(int) {
    YamlIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const YamlIterator& o) const { return at_ == o.at_; }
  bool operator!=(const YamlIterator& o) const { return at_ != o.at_; }

 private:
  friend class YamlNode;
  YamlIterator(yaml_detail::NodeData* const* at, bool map)
      : at_(at), map_(map) {}
  yaml_detail::NodeData* const* at_ = nullptr;
  bool map_ = false;
};

// Owns the nodes of one parsed document and is its root node. Movable;
// handles stay valid across a move.
class YamlDocument : public YamlNode {
 public:
  // Nodes in chunks (a node never moves), and every list's and map's
  // children in one array.
  struct Storage {
    yaml_detail::NodeData* New();
    std::vector<std::unique_ptr<yaml_detail::NodeData[]>> chunks;
    std::size_t used = 0;
    std::size_t capacity = 0;
    std::vector<yaml_detail::NodeData*> children;
  };

  YamlDocument() = default;
  YamlDocument(std::unique_ptr<Storage> storage, YamlNode root)
      : YamlNode(root), storage_(std::move(storage)) {}

 private:
  std::unique_ptr<Storage> storage_;
};

// Reads `text` (valid UTF-8, lone CRs already line feeds) with libyaml into
// `out`, but only when the result is certain to equal yaml-cpp's: false
// for an error, a second document, a directive, a tag or anchor or alias, a
// null or flow or scalar root, a document marker other than a first "---"
// line, deep nesting, or a line break YAML 1.1 knows and yaml-cpp does not.
bool ParseYamlFast(std::string_view text, YamlDocument* out);

// The same tree from yaml-cpp's (a node reached again through an alias is
// the same node, keyed as ParseYaml's walk keys them: position and kind).
YamlDocument FromYamlCpp(const YAML::Node& root);

// True if both trees are equal: kinds, styles, tags, text, marks, order.
bool SameYamlTree(const YamlNode& a, const YamlNode& b, std::string* where);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_YAML_TREE_H_
