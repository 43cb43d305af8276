// Must NOT compile in the util stage, the first one: it sees only util.
#include "io/file.h"
