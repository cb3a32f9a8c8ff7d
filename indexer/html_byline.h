#pragma once
// Cleaning of author strings before common/agency.h parse_byline splits them.
//
// Visible bylines are read from the page's text, so they come with what the
// template prints next to the name: a glued "By" ("ByJane Doe"), a date or
// time ("Jane Doe Dec 12, 2016 2:00 PM", "Jane Doe - Aug 10"), "Updated …",
// share links ("Twitter"), and roles ("Staff Writer", "Senior Politics
// Editor"). Metadata author strings are cleaner but join names with the
// page language's "and" ("A und B", "A og B", "A et B").
//
//   clean_visible_byline: strips leading "By"/"Von"/"Par"/"Por"… (also glued
//     to the name), cuts at the first date, digit, dash separator or noise
//     word, and turns conjunctions into commas.
//   join_conjunctions: only the conjunction step, for metadata strings.
//   strip_author_role: on one name, drops a trailing role ("Howard Blume
//     Staff Writer" → "Howard Blume"); a name that is only a role is dropped
//     (returns ""); "X Staff" (a collective byline) is kept whole.

#include <string>
#include <string_view>

namespace byline {

std::string clean_visible_byline(std::string_view text);
std::string join_conjunctions(std::string_view text);
std::string strip_author_role(std::string_view name);

}  // namespace byline
