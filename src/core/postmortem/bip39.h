#pragma once

#include <QStringView>
#include <span>

namespace idesk {

// BIP-39 recovery phrases (the 12 to 24 words that restore a crypto wallet), for the redactor.
// The English word list is built in: it is public and fixed by the standard.

// The word's position in the BIP-39 English list (case-insensitive), or -1.
int bip39WordIndex(QStringView word);

// Whether the words (given by their positions) form a phrase whose checksum holds: 12, 15, 18,
// 21 or 24 words whose last bits equal the first bits of the SHA-256 of the rest.
bool bip39ChecksumValid(std::span<const int> indices);

} // namespace idesk
