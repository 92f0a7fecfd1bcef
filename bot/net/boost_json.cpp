// bot/net/boost_json: Boost.JSON's compiled part, built once here (its header-only form, so no
// package beyond Boost's headers), for the Socket Mode frame reader and the fakes' ack reader.
#include <boost/json/src.hpp>
