<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <extracomment>a text, or a function that gives it in the interface language (called again when the language changes, so a message shown stays in the language chosen)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confusion matrix appears after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} validation samples right ({2}). Hardest class: {3} ({4} right).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>1,797 real handwritten digits from scikit-learn, 1×8×8 pixels in [0, 1], classes 0-9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .npz archive with arrays x and y, or x_train, y_train and optionally x_test, y_test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file with a header row; one column holds the labels, the others are features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder holding train-images-idx3-ubyte and train-labels-idx1-ubyte (raw or .gz), and optionally the t10k-* test files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images (PNG, JPEG, …) per class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A polynomial of the chosen degree with roots spread over [-0.8, 0.8], plus noise: one input, one target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small circle inside a large one in 2-D; no straight line separates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIFAR-10 (binary version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Color</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degree of the polynomial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits 28×28 (MNIST-shaped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits 8×8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian clusters, one per class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many samples to make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often each arm winds round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are resized to size×size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inner radius relative to the outer one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interleaved spiral arms in 2-D, one per class; needs a deeper network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST / Fashion-MNIST (IDX files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Majority token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or number (0 = first, -1 = last) of the label column; empty: a column named label/target/class/y, else the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumPy arrays (.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of arms (classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of different tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of input features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional comma-separated class names, e.g. for Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points in the square [-1, 1]²; class 1 where the two coordinates have opposite signs. No single neuron can separate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polynomial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same seed, same data: change it for a new draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences of token ids; the class is the token that appears most often (never a tie).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences of token ids; the class says whether they are in ascending order. Half are sorted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sine curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sine forecasting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spirals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread (standard deviation) of each cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps ahead to predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps the model sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .csv file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .npz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cifar-10-batches-bin folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cifar-10-batches-bin folder: data_batch_1..5.bin and test_batch.bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder holding one sub-folder per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder holding the IDX files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same digits scaled into a 20×20 box centred in 28×28, as in MNIST, so MNIST models run unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two interleaving half circles in 2-D; a curved boundary separates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocab size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows of a noisy sum of three sines (N×window×1); predict the next values (N×horizon).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto: whole-number labels mean classification, other numbers regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grayscale: 1 channel; rgb: 3 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image: 1×H×W for convolutions; flat: one vector of H·W pixels for Dense layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labels: the digit 0-9 (classification); inputs: the image itself (autoencoders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rgb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x covers [-π·periods, π·periods]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y = sin(x) + noise: one input, one target.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>{0} (download)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From file: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, read from {1} when its files are there, else downloaded through torchvision (optional) — without it, how to get the files by hand is explained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file or folder to see its samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading a preview…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>input</source>
        <extracomment>the plot&apos;s axis titles for each kind of preview that is a plot (bottom, left)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dataset to see a few of its samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} samples of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n class(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, numeric targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>The decision boundary is drawn while the model trains on 2-D data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} points on the right side; {2} wrong (ringed in red). Paler colour = less sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForecastPreview</name>
    <message>
        <source>The forecast cannot be drawn: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared error &lt;b&gt;{0}&lt;/b&gt; over {1} windows: better than repeating the last value ({2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared error &lt;b&gt;{0}&lt;/b&gt; over {1} windows: not yet better than repeating the last value ({2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>forecasting %n step(s) ahead</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Validation windows of {0} steps, {1}. A forecast that does not beat repeating the window&apos;s last value has learnt nothing yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window {0}: error² {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps from now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientFlowPlot</name>
    <message>
        <source>Gradient norm per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update / weight ratio per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ratio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>Images appear after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossTermsPlot</name>
    <message>
        <source>Loss terms and metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discriminator&apos;s mean P(real)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoryCheck</name>
    <message>
        <source>What a run with these settings needs, worked out before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters, gradients, optimizer state and activations at the batch size, measured without allocating, against the memory available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating… (PyTorch loads once per session)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>reconstruction (training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL (training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−ELBO (reconstruction + KL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discriminator loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generator loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(x), real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(G(z)), generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(x), validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(G(z)), validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean absolute error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline to beat (mean squared error)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairGrid</name>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconstructed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconstructionPreview</name>
    <message>
        <source>Validation images and their reconstructions appear after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconstructions cannot be drawn: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared pixel error under each pair; on average &lt;b&gt;{0}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} validation images, each above the network&apos;s reconstruction of it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegressionView</name>
    <message>
        <source>Predictions on validation samples appear after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perfect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}: {1} validation samples, mean absolute error {2} (largest {3}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultViews</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} M samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} k samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}: train loss {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Choose a dataset and press Train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start training with these settings (the document is copied; you can keep editing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trained weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load weights to start from…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from fresh weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train (from loaded weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best available ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to train. ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}/{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}/{1} — step {2}/{3} — {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}/{1} done — {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}/{1} — {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run failed; your project is unchanged. Fix the problem and press Train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not start; your project is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunHistoryView</name>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every epoch of the selected runs as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export curves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plot below as a PNG or SVG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next run starts from the weights this run trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Every run you train is kept here to compare with the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some runs could not be read and are not shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run was not renamed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0}? Their metrics and weights are removed for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the metrics to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curves were not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the curves to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunMessages</name>
    <message>
        <source>train loss {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation accuracy {0} (best {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last epoch: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished %n epoch(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epoch(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The validation loss has not improved for %n epoch(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The training loss has not improved for %n epoch(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped early after epoch {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleGridView</name>
    <message>
        <source>Validation samples with their predictions appear after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captions read predicted / true; mistakes are framed in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}: {1} of {2} validation samples right; captions read predicted / true, mistakes in red.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplesPreview</name>
    <message>
        <source>Generated samples appear after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The samples cannot be drawn: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not present)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupColumn</name>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN (generator and discriminator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric targets; reports the loss and the mean absolute error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One class label per sample; reports accuracy, per-class accuracy and a confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One class label per sequence (e.g. of token ids); reports accuracy and a confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs reconstruction, mu and logvar; loss = reconstruction + β·KL. Shows reconstructions and digits decoded from random codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict the next values of a sequence from a window of past ones; reports the error against repeating the last value, and plots forecasts against the truth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruction (autoencoder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence forecasting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target is the input itself; shows originals beside their reconstructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two networks named generator and discriminator, trained in turns; shows samples generated from a fixed batch of noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variational autoencoder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskPreviews</name>
    <message>
        <source>The same inputs every epoch, so each tile shows one input&apos;s output changing as the network learns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecasts for a few validation windows appear after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the network saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what came next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its forecast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>The fit of the dataset could not be checked: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset does not fit the network yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Input shape from dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network needs exactly one Input for this; add one or remove the extras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Input shape could not be set: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training cannot start: the dataset does not fit the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the training engine (PyTorch loads once per session)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Press Resume to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) per epoch</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run {0} on {1}: {2} training and {3} validation samples, {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safetensors (*.safetensors);;PyTorch weights (*.pt *.pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth);;safetensors (*.safetensors);;PyTorch weights (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training (per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>Loading the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset could not be loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project could not be read for training: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved weights could not be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped because of an internal error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training process ended unexpectedly. Your project is unchanged; if it ran out of memory, a smaller batch size or model helps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training process ended unexpectedly (exit code {0}). Your project is unchanged; if it ran out of memory, a smaller batch size or model helps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam is a good default; SGD with momentum for the classic recipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple GPU (MPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary cross-entropy (after a Sigmoid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary cross-entropy with logits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA only: compute in bfloat16 where safe; faster on modern GPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine annealing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-entropy for classes (the network outputs raw scores); MSE/L1/Huber for numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For SGD and RMSprop: how much of the previous step is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN (generator and discriminator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN only: the discriminator learns to call real samples 1 minus this; 0.1 steadies training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the learning rate changes during the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL weight (β)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty on the weights (decoupled for AdamW).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest allowed gradient norm; 0 turns clipping off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error (L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed precision (bf16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative log-likelihood (after LogSoftmax)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a CUDA GPU: data kept on the GPU, a batch of at least 512 with the learning rate scaled alike, bf16, channels_last, a fused optimizer and compiled steps. Whatever does not apply is skipped with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real-label smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruction (autoencoder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD only: look-ahead momentum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same seed, same run (exactly, on the CPU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per optimizer step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence forecasting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the training data held out for validation (unless the dataset brings its own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step decay: multiply the learning rate by gamma every this many epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step decay: the factor applied to the learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step every (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step factor (gamma)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size of the optimizer. Typical: 1e-3 for Adam, 0.01–0.1 for SGD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation loss; 0 turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAE only: loss = reconstruction + β·KL. Above 1 gives smoother codes, below 1 sharper images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variational autoencoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the network learns: class labels, numbers, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to train; Best available picks a GPU when there is one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeightsActions</name>
    <message>
        <source>Saved the trained weights to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the weights in {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those weights cannot be loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights in {0} fit the network. The next run starts from them (Weights ▸ Start from fresh weights to undo).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PathEditor</name>
    <message>
        <source>folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
