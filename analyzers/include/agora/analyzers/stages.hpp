// Factories for every analysis stage; the registry assembles them into chains.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "agora/analyzers/stage.hpp"

namespace agora::analyzers {

/// Joins tokens that belong together in technical writing: "C" + "++", "C" + "#",
/// "e" + "-" + "mail", so that the whole is a token of its own.
std::unique_ptr<Stage> make_technical_token_merger();

/// Adds the parts of compound tokens ("Array.prototype.map", "addEventListener",
/// "snake_case", "e-mail", "1,000") at the position of the whole.
std::unique_ptr<Stage> make_compound_splitter();

/// Maps typographic apostrophes (’ ʼ ‘ ′ ＇ `) to the ASCII apostrophe.
std::unique_ptr<Stage> make_apostrophe_unifier();

/// Drops an apostrophe and the case ending after it ("istanbul'da" → "istanbul"),
/// as Turkish and Azerbaijani write endings on proper names.
std::unique_ptr<Stage> make_apostrophe_suffix_stripper();

/// Lower-cases with Turkish/Azeri rules (I → ı, İ → i) ahead of case folding.
std::unique_ptr<Stage> make_turkic_lowercaser();

/// NFKC normalisation with full Unicode case folding (ß → ss, ς → σ).
std::unique_ptr<Stage> make_case_folder();

/// Arabic-script cleanup: tatweel and harakat removed, alef/hamza variants unified.
std::unique_ptr<Stage> make_arabic_normalizer();

/// Persian cleanup: Arabic yeh/kaf to Persian forms, ZWNJ removed, heh-with-yeh unified.
std::unique_ptr<Stage> make_persian_normalizer();

/// Strips elided articles and prepositions ("l'", "dell'", "d'") from the front of words.
/// `articles` are given without the apostrophe, already case-folded.
std::unique_ptr<Stage> make_elision_stripper(std::vector<std::string> articles);

/// Trims joining punctuation (. , - _ ') left at either end of a term by earlier stages.
std::unique_ptr<Stage> make_edge_punctuation_trimmer();

/// Adds overlapping bigrams for Hangul and for Han/kana runs that no dictionary split.
std::unique_ptr<Stage> make_cjk_bigrammer();

/// Fills `folded`: the term without accents for Latin, Greek and Cyrillic letters.
std::unique_ptr<Stage> make_accent_folder();

/// Fills `stem` with a Snowball stemmer; `algorithm` is a libstemmer name ("french").
std::unique_ptr<Stage> make_snowball_stemmer(const std::string& algorithm);

/// Drops stopwords (query time), but never every word of the query.
/// `words` must already be normalised the way terms are.
std::unique_ptr<Stage> make_stopword_filter(std::vector<std::string> words);

}  // namespace agora::analyzers
