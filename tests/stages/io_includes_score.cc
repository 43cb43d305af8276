// Must NOT compile in the io stage: engine/score comes after engine/io, so
// its headers are not on the io stage's include path (engine/CMakeLists.txt).
#include "score/stages.h"
