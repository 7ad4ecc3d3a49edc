// The astronomy behind cchc/lunar.hpp: true new moons, the Sun's apparent longitude, ΔT.
//
// Binary floating point is fine here: these are physical quantities accurate to seconds of time, and
// the only thing that leaves this file is a *day* (which local day a new moon or a solar term falls
// on). docs/lunar.md lists how close to midnight the closest calls are, and the tests pin the results.
#include <cmath>

#include "cchc/lunar.hpp"

namespace cchc::astronomy {

namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double deg = pi / 180.0;

double sin_deg(double x) { return std::sin(std::fmod(x, 360.0) * deg); }

struct term {
  double a;  // amplitude, 1e-8 rad (longitude) or 1e-8 au (radius)
  double b;  // phase, rad
  double c;  // frequency, rad per Julian millennium
};

// VSOP87 (Bretagnon & Francou 1988), heliocentric ecliptic longitude and radius vector of the Earth,
// truncated as printed in Meeus, "Astronomical Algorithms" (2nd ed.), appendix III (the same table is
// Table A4.2 of Reda & Andreas, "Solar Position Algorithm", NREL 2004). Accuracy about 1" near 2000.
constexpr term L0[] = {
    {175347046, 0, 0}, {3341656, 4.6692568, 6283.07585}, {34894, 4.6261, 12566.1517},
    {3497, 2.7441, 5753.3849}, {3418, 2.8289, 3.5231}, {3136, 3.6277, 77713.7715},
    {2676, 4.4181, 7860.4194}, {2343, 6.1352, 3930.2097}, {1324, 0.7425, 11506.7698},
    {1273, 2.0371, 529.691}, {1199, 1.1096, 1577.3435}, {990, 5.233, 5884.927},
    {902, 2.045, 26.298}, {857, 3.508, 398.149}, {780, 1.179, 5223.694},
    {753, 2.533, 5507.553}, {505, 4.583, 18849.228}, {492, 4.205, 775.523},
    {357, 2.92, 0.067}, {317, 5.849, 11790.629}, {284, 1.899, 796.298},
    {271, 0.315, 10977.079}, {243, 0.345, 5486.778}, {206, 4.806, 2544.314},
    {205, 1.869, 5573.143}, {202, 2.458, 6069.777}, {156, 0.833, 213.299},
    {132, 3.411, 2942.463}, {126, 1.083, 20.775}, {115, 0.645, 0.98},
    {103, 0.636, 4694.003}, {102, 0.976, 15720.839}, {102, 4.267, 7.114},
    {99, 6.21, 2146.17}, {98, 0.68, 155.42}, {86, 5.98, 161000.69},
    {85, 1.3, 6275.96}, {85, 3.67, 71430.7}, {80, 1.81, 17260.15},
    {79, 3.04, 12036.46}, {75, 1.76, 5088.63}, {74, 3.5, 3154.69},
    {74, 4.68, 801.82}, {70, 0.83, 9437.76}, {62, 3.98, 8827.39},
    {61, 1.82, 7084.9}, {57, 2.78, 6286.6}, {56, 4.39, 14143.5},
    {56, 3.47, 6279.55}, {52, 0.19, 12139.55}, {52, 1.33, 1748.02},
    {51, 0.28, 5856.48}, {49, 0.49, 1194.45}, {41, 5.37, 8429.24},
    {41, 2.4, 19651.05}, {39, 6.17, 10447.39}, {37, 6.04, 10213.29},
    {37, 2.57, 1059.38}, {36, 1.71, 2352.87}, {36, 1.78, 6812.77},
    {33, 0.59, 17789.85}, {30, 0.44, 83996.85}, {30, 2.74, 1349.87},
    {25, 3.16, 4690.48}};
constexpr term L1[] = {
    {628331966747, 0, 0}, {206059, 2.678235, 6283.07585}, {4303, 2.6351, 12566.1517},
    {425, 1.59, 3.523}, {119, 5.796, 26.298}, {109, 2.966, 1577.344},
    {93, 2.59, 18849.23}, {72, 1.14, 529.69}, {68, 1.87, 398.15},
    {67, 4.41, 5507.55}, {59, 2.89, 5223.69}, {56, 2.17, 155.42},
    {45, 0.4, 796.3}, {36, 0.47, 775.52}, {29, 2.65, 7.11},
    {21, 5.34, 0.98}, {19, 1.85, 5486.78}, {19, 4.97, 213.3},
    {17, 2.99, 6275.96}, {16, 0.03, 2544.31}, {16, 1.43, 2146.17},
    {15, 1.21, 10977.08}, {12, 2.83, 1748.02}, {12, 3.26, 5088.63},
    {12, 5.27, 1194.45}, {12, 2.08, 4694.0}, {11, 0.77, 553.57},
    {10, 1.3, 6286.6}, {10, 4.24, 1349.87}, {9, 2.7, 242.73},
    {9, 5.64, 951.72}, {8, 5.3, 2352.87}, {6, 2.65, 9437.76},
    {6, 4.67, 4690.48}};
constexpr term L2[] = {
    {52919, 0, 0}, {8720, 1.0721, 6283.0758}, {309, 0.867, 12566.152},
    {27, 0.05, 3.52}, {16, 5.19, 26.3}, {16, 3.68, 155.42},
    {10, 0.76, 18849.23}, {9, 2.06, 77713.77}, {7, 0.83, 775.52},
    {5, 4.66, 1577.34}, {4, 1.03, 7.11}, {4, 3.44, 5573.14},
    {3, 5.14, 796.3}, {3, 6.05, 5507.55}, {3, 1.19, 242.73},
    {3, 6.12, 529.69}, {3, 0.31, 398.15}, {3, 2.28, 553.57},
    {2, 4.38, 5223.69}, {2, 3.75, 0.98}};
constexpr term L3[] = {{289, 5.844, 6283.076}, {35, 0, 0},        {17, 5.49, 12566.15},
                       {3, 5.2, 155.42},       {1, 4.72, 3.52},   {1, 5.3, 18849.23},
                       {1, 5.97, 242.73}};
constexpr term L4[] = {{114, 3.142, 0}, {8, 4.13, 6283.08}, {1, 3.84, 12566.15}};
constexpr term L5[] = {{1, 3.14, 0}};

constexpr term R0[] = {
    {100013989, 0, 0}, {1670700, 3.0984635, 6283.07585}, {13956, 3.05525, 12566.1517},
    {3084, 5.1985, 77713.7715}, {1628, 1.1739, 5753.3849}, {1576, 2.8469, 7860.4194},
    {925, 5.453, 11506.77}, {542, 4.564, 3930.21}, {472, 3.661, 5884.927},
    {346, 0.964, 5507.553}, {329, 5.9, 5223.694}, {307, 0.299, 5573.143},
    {243, 4.273, 11790.629}, {212, 5.847, 1577.344}, {186, 5.022, 10977.079},
    {175, 3.012, 18849.228}, {110, 5.055, 5486.778}, {98, 0.89, 6069.78},
    {86, 5.69, 15720.84}, {86, 1.27, 161000.69}, {65, 0.27, 17260.15},
    {63, 0.92, 529.69}, {57, 2.01, 83996.85}, {56, 5.24, 71430.7},
    {49, 3.25, 2544.31}, {47, 2.58, 775.52}, {45, 5.54, 9437.76},
    {43, 6.01, 6275.96}, {39, 5.36, 4694.0}, {38, 2.39, 8827.39},
    {37, 0.83, 19651.05}, {37, 4.9, 12139.55}, {36, 1.67, 12036.46},
    {35, 1.84, 2942.46}, {33, 0.24, 7084.9}, {32, 0.18, 5088.63},
    {32, 1.78, 398.15}, {28, 1.21, 6286.6}, {28, 1.9, 6279.55},
    {26, 4.59, 10447.39}};
constexpr term R1[] = {{103019, 1.10749, 6283.07585}, {1721, 1.0644, 12566.1517},
                       {702, 3.142, 0},                {32, 1.02, 18849.23},
                       {31, 2.84, 5507.55},            {25, 1.32, 5223.69},
                       {18, 1.42, 1577.34},            {10, 5.91, 10977.08},
                       {9, 1.42, 6275.96},             {9, 0.27, 5486.78}};
constexpr term R2[] = {{4359, 5.7846, 6283.0758}, {124, 5.579, 12566.152}, {12, 3.14, 0},
                       {9, 3.63, 77713.77},       {6, 1.87, 5573.14},      {3, 5.47, 18849.23}};
constexpr term R3[] = {{145, 4.273, 6283.076}, {7, 3.92, 12566.15}};
constexpr term R4[] = {{4, 2.56, 6283.08}};

template <std::size_t N>
double series(const term (&terms)[N], double tau) {
  double s = 0;
  for (const term& t : terms) s += t.a * std::cos(t.b + t.c * tau);
  return s;
}

}  // namespace

double new_moon_jde(long k) noexcept {
  // Meeus ch. 49: mean phase (49.1) plus the periodic terms for a new moon and the 14 planetary
  // arguments. Claimed accuracy: a few seconds to ~17 s against the full ELP theory, 1900–2100.
  const double kk = static_cast<double>(k);
  const double t = kk / 1236.85;
  const double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde = 2451550.09766 + 29.530588861 * kk + 0.00015437 * t2 - 0.000000150 * t3 +
               0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp = 201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 -
                    0.000000058 * t4;
  const double f = 160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 +
                   0.000000011 * t4;
  const double om = 124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3;

  jde += -0.40720 * sin_deg(mp) + 0.17241 * e * sin_deg(m) + 0.01608 * sin_deg(2 * mp) +
         0.01039 * sin_deg(2 * f) + 0.00739 * e * sin_deg(mp - m) -
         0.00514 * e * sin_deg(mp + m) + 0.00208 * e * e * sin_deg(2 * m) -
         0.00111 * sin_deg(mp - 2 * f) - 0.00057 * sin_deg(mp + 2 * f) +
         0.00056 * e * sin_deg(2 * mp + m) - 0.00042 * sin_deg(3 * mp) +
         0.00042 * e * sin_deg(m + 2 * f) + 0.00038 * e * sin_deg(m - 2 * f) -
         0.00024 * e * sin_deg(2 * mp - m) - 0.00017 * sin_deg(om) -
         0.00007 * sin_deg(mp + 2 * m) + 0.00004 * sin_deg(2 * mp - 2 * f) +
         0.00004 * sin_deg(3 * m) + 0.00003 * sin_deg(mp + m - 2 * f) +
         0.00003 * sin_deg(2 * mp + 2 * f) - 0.00003 * sin_deg(mp + m + 2 * f) +
         0.00003 * sin_deg(mp - m + 2 * f) - 0.00002 * sin_deg(mp - m - 2 * f) -
         0.00002 * sin_deg(3 * mp + m) + 0.00002 * sin_deg(4 * mp);

  const double a[14] = {299.77 + 0.107408 * kk - 0.009173 * t2,
                        251.88 + 0.016321 * kk,
                        251.83 + 26.651886 * kk,
                        349.42 + 36.412478 * kk,
                        84.66 + 18.206239 * kk,
                        141.74 + 53.303771 * kk,
                        207.14 + 2.453732 * kk,
                        154.84 + 7.306860 * kk,
                        34.52 + 27.261239 * kk,
                        207.19 + 0.121824 * kk,
                        291.34 + 1.844379 * kk,
                        161.72 + 24.198154 * kk,
                        239.56 + 25.513099 * kk,
                        331.55 + 3.592518 * kk};
  constexpr double coeff[14] = {0.000325, 0.000165, 0.000164, 0.000126, 0.000110,
                                0.000062, 0.000060, 0.000056, 0.000047, 0.000042,
                                0.000040, 0.000037, 0.000035, 0.000023};
  for (int i = 0; i < 14; ++i) jde += coeff[i] * sin_deg(a[i]);
  return jde;
}

double sun_apparent_longitude(double jde) noexcept {
  const double tau = (jde - 2451545.0) / 365250.0;  // Julian millennia from J2000.0 (TT)
  const double l = (series(L0, tau) +
                    tau * (series(L1, tau) +
                           tau * (series(L2, tau) +
                                  tau * (series(L3, tau) + tau * (series(L4, tau) + tau * series(L5, tau)))))) /
                   1e8;
  const double r = (series(R0, tau) +
                    tau * (series(R1, tau) +
                           tau * (series(R2, tau) + tau * (series(R3, tau) + tau * series(R4, tau))))) /
                   1e8;
  // Geocentric longitude of the Sun = heliocentric longitude of the Earth + 180°.
  double lambda = l / deg + 180.0;
  // Conversion to the FK5 system (Meeus 25.9): -0.09033".
  lambda -= 0.09033 / 3600.0;
  // Nutation in longitude (Meeus ch. 22, the 0.5" form) and aberration (-20.4898"/R).
  const double t = tau * 10.0;  // Julian centuries
  const double omega = 125.04452 - 1934.136261 * t;
  const double ls = 280.4665 + 36000.7698 * t;
  const double lm = 218.3165 + 481267.8813 * t;
  const double dpsi = -17.20 * sin_deg(omega) - 1.32 * sin_deg(2 * ls) - 0.23 * sin_deg(2 * lm) +
                      0.21 * sin_deg(2 * omega);
  lambda += (dpsi - 20.4898 / r) / 3600.0;
  lambda = std::fmod(lambda, 360.0);
  if (lambda < 0) lambda += 360.0;
  return lambda;
}

double delta_t_seconds(double y) noexcept {
  // Espenak & Meeus, "Five Millennium Canon of Solar Eclipses" (NASA/TP-2006-214141), section 2.6.
  if (y < 1860) {  // 1800–1860 (used only for the UTC+8 cross-checks far outside the table)
    const double t = y - 1800;
    return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * t * t * t -
           0.00037436 * std::pow(t, 4) + 0.0000121272 * std::pow(t, 5) -
           0.0000001699 * std::pow(t, 6) + 0.000000000875 * std::pow(t, 7);
  }
  if (y < 1900) {
    const double t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t -
           0.0004473624 * std::pow(t, 4) + std::pow(t, 5) / 233174;
  }
  if (y < 1920) {
    const double t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * std::pow(t, 4);
  }
  if (y < 1941) {
    const double t = y - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (y < 1961) {
    const double t = y - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (y < 1986) {
    const double t = y - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (y < 2005) {
    const double t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * std::pow(t, 4) + 0.00002373599 * std::pow(t, 5);
  }
  if (y < 2050) {
    const double t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

double solar_longitude_time(double degrees, double jde) noexcept {
  // Newton-like iteration (Meeus ch. 27): the Sun moves about 360/365.24 degrees a day, so a
  // longitude error of x degrees is about 58·sin(x) days. Converges to < 1e-6 d in a few steps.
  for (int i = 0; i < 20; ++i) {
    const double diff = degrees - sun_apparent_longitude(jde);
    const double step = 58.0 * std::sin(diff * deg);
    jde += step;
    if (std::fabs(step) < 1e-7) break;
  }
  return jde;
}

}  // namespace cchc::astronomy
