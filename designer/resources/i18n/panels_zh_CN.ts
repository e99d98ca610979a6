<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Block</name>
    <message>
        <source>DenseNet block: each layer (batch norm, ReLU, 3×3 convolution) adds 32 channels, concatenated to everything before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GoogLeNet Inception block: 1×1, 3×3 and 5×5 convolutions and pooling side by side, their channels concatenated (256 out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MobileNet block: a depthwise 3×3 convolution (one filter per channel, groups = channels) then a pointwise 1×1 convolution, each with batch norm and ReLU. Its channels must equal the input&apos;s (32 here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ResNet basic block: two 3×3 convolutions with batch norm, added to the input (identity shortcut), then ReLU. Keeps the shape; its channels must equal the input&apos;s (64 here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ResNet block that halves the size and changes the channels: the shortcut is a strided 1×1 convolution with batch norm (a projection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer encoder block built from parts: self-attention, dropout, residual Add and LayerNorm, then a two-layer feed-forward network with GELU, another Add and LayerNorm. Input (sequence, 64 features).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VGG block: two 3×3 convolutions with ReLU, then 2×2 max pooling (halves height and width).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw with the left mouse button</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientBar</name>
    <message>
        <source>Gradient norm {norm} ({share:.1%} of the largest layer&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update / weight ratio {ratio}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsideOverlay</name>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sample of the dataset should the layer previews show?
(0 is the first; the next run uses it.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawing pad needs a network with one image Input of 1×H×W, at most 28×28 (this one takes {shape}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network first: the drawing pad uses its weights.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention weights per head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this prediction: gradient × input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After training, draw here: the probabilities and the cards&apos; previews follow the drawing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through the forward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶ walks through the nodes in the order they run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {index} of {count}: {name} ({type})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in  {port}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out {port}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network to look inside it: the chosen sample&apos;s feature maps, filters, attention and saliency appear here after every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one card to see what it does to the sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has no output to show for the sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true class: {target}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Layer</name>
    <message>
        <source>A target size instead of the factor (0: use the factor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a border of zeros around an image, p pixels on each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a learned vector for each position so attention can tell order apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds tensors of the same shape element by element (residual connections).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align corners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averages each window, shrinking the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averages into a fixed output size whatever the input size (output size 1 gives global average pooling).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilinear only: the corner pixels of input and output line up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuts the centre of an image to the height and width of the tensor at &apos;like&apos; (U-Net joins a skip connection to a smaller upsampled map).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data entering the network. The shape excludes the batch dimension; use a name such as L for a sequence length that may vary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dim feedforward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divides a tensor into equal chunks along a dimension, e.g. an encoder&apos;s output into mu and logvar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout between stacked layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During training, zeroes each element with probability p and scales the rest by 1/(1-p); does nothing in evaluation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embed dim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding dim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarges an image or sequence by a whole factor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fully connected layer: every output is a weighted sum of all inputs plus a bias. Acts on the last dimension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gated recurrent unit: a lighter LSTM with two gates. Outputs the whole sequence (N, L, hidden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives each sample a new shape with the same number of values (batch dimension kept; -1 means &apos;the rest&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input/Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserts a dimension of size 1, e.g. (N, 28, 28) → (N, 1, 28, 28) with dim 1, to give an image its channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joins all dimensions from start dim on into one, e.g. (N, 64, 3, 3) → (N, 576).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joins tensors along one dimension (e.g. channels, dim 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the largest value in each window, shrinking the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the last element of a sequence: (N, L, F) → (N, F), e.g. to classify from an LSTM&apos;s final output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like ReLU but lets a small slope through for negative values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of softmax; pair it with the NLL loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long short-term memory: gates decide what the cell state keeps, so it remembers over long sequences. Outputs the whole sequence (N, L, hidden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest sequence supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks up a learned vector for each integer token id: (N, L) → (N, L, E). Feed it from an Input of dtype long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks a tensor the network returns. A network may have several outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max len</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies every value by a constant, e.g. 1/√d before attention or 0.1 on a residual branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies tensors of the same shape element by element (gating).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order of dimensions 1, 2, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sample shape, e.g. 64, 7, 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonlinearity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norm first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalises each channel of an image over the batch and positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalises each feature over the batch, then scales and shifts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalises each sample over its last dimension (as Transformers do).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalized shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Num embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Num features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Num heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Num layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of filters (output channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of input ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of output units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off runs the layer time-major inside; the graph&apos;s tensors stay batch-first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One Transformer encoder block: self-attention then a feed-forward network, each with a residual connection and layer norm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes positive values, zeroes negative ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain recurrent layer: a hidden state carried from step to step. Outputs the whole sequence (N, L, hidden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of zeroing an element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes a dimension of size 1, e.g. (N, 1, 28) → (N, 28) with dim 1 (a dimension of another size is kept, as in PyTorch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorders the sample dimensions (the batch stays first), e.g. 2, 1 turns (N, C, L) into (N, L, C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round the output size up, so the last partial window counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample shape without the batch dimension, e.g. 1, 28, 28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples z from N(mu, σ²) in a way gradients flow through (the VAE trick).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-attention: every position looks at every other and mixes in what is relevant, with several heads in parallel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slides learned filters over images (N, C, H, W); each filter gives one output channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slides learned filters over sequences (N, C, L); each filter gives one output channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smooth ReLU used by Transformers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smooth for negative values, tending to −α.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashes values into (0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashes values into (−1, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start dim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transposed convolution: grows an image, e.g. stride 2 doubles H and W. Used in decoders and generators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns channels into resolution: (N, C·r², H, W) → (N, C, H·r, W·r) (sub-pixel convolution for super-resolution).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns scores into probabilities that sum to 1 along a dimension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upscale factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary size (largest token id + 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros added on each side; &apos;same&apos; keeps the size (stride 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float for images and features, long for integer token ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y[i, j] = max over the k×k window at (i·s, j·s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y[i, j] = mean over the k×k window at (i·s, j·s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>A block of this project: drag it onto the canvas to use it; double-click a use to edit its definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerPreviewItem</name>
    <message>
        <source>(shrunk to fit: the first channels, binned)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
