// Compiles in the io stage: its own headers and util's are on its path.
#include "io/yaml_node.h"
#include "util/round.h"
