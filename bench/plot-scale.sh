#!/usr/bin/env bash
# Draws the scale curve from bench_scale's --csv output: indexing rate, peak RSS, index
# size and search latency against the number of records, on log-scaled axes.
# usage: bench/plot-scale.sh scale.csv docs/scaling.png   (needs gnuplot: apt-get install gnuplot-nox)
set -euo pipefail
csv=${1:?usage: bench/plot-scale.sh FILE.csv OUT.png}
out=${2:?usage: bench/plot-scale.sh FILE.csv OUT.png}
command -v gnuplot >/dev/null || { echo "gnuplot is missing: apt-get install gnuplot-nox" >&2; exit 1; }
gnuplot <<PLOT
set terminal pngcairo size 1200,800 font ",10"
set output "$out"
set datafile separator ","
set key autotitle columnhead left top
set logscale x
set grid
set yrange [0:*]
set xlabel "records"
set multiplot layout 2,2 title "Agora at scale (synthetic OER collections, 2 cores)"
set title "indexing"
set ylabel "records/s"
plot "$csv" using 1:4 with linespoints title "records/s (agora-index add)"
set title "memory and disk"
set ylabel "MB"
set logscale y
set yrange [10:*]
plot "$csv" using 1:6 with linespoints title "peak RSS of agora-index add", \
     "$csv" using 1:7 with linespoints title "index size"
unset logscale y
set yrange [0:*]
set title "search latency in process"
set ylabel "ms"
plot "$csv" using 1:8 with linespoints title "p50", "$csv" using 1:9 with linespoints title "p99"
set title "search latency over HTTP, 16 connections, cache off"
plot "$csv" using 1:10 with linespoints title "p50", "$csv" using 1:11 with linespoints title "p99"
unset multiplot
PLOT
echo "wrote $out"
